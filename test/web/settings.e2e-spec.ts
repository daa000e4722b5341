import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace } from '@juntos/test-support';
import {
  accessible,
  checkScreen,
  describeInBrowser,
  NOTHING_STORED,
  phone,
  rigForFile,
  settled,
  SHELL_WORDS,
  signIn,
  stored,
  violations,
} from './browser';

const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`;

/**
 * Settings on a phone: the devices signed in, and ending one from another (a lost phone); an
 * invitation accepted by someone who already has an account.
 */
describeInBrowser('settings in the web app', () => {
  const rig = rigForFile();

  /** A phone in the words' language, signed in and on Today. */
  async function signedIn(email: string, words: typeof SHELL_WORDS.en): Promise<Page> {
    const page = await phone(rig.browser, words.locale);
    await signIn(page, rig.base, email, words, { heading: words.today });
    return page;
  }

  it('lists this phone and the other device, ends the other one, and that device is asked to sign in again', async () => {
    const user = await makeUser(rig.t.db, { displayName: 'Rosa' });
    const local = await makeLocal(rig.t.db);
    await grant(rig.t.db, local, user.id, Role.STEWARD, [await makeWorkplace(rig.t.db, local)]);
    const lost = await signedIn(user.email, SHELL_WORDS.en);
    const page = await signedIn(user.email, SHELL_WORDS.es);

    await page.locator('nav.tabs').getByRole('link', { name: 'Ajustes', exact: true }).click();
    await page.getByText('Este teléfono').waitFor();
    await settled(page);
    expect(await page.locator('.cards article').count()).toBe(2);
    expect(await accessible(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cerrar esta sesión' }).click();
    await page.getByRole('button', { name: 'Cerrar esta sesión' }).waitFor({ state: 'detached' });
    expect(await page.locator('.cards article').count()).toBe(1);

    // The other device's next request finds its session ended: it says so and asks to sign in.
    await lost.locator('nav.tabs').getByRole('link', { name: 'Members', exact: true }).click();
    await lost.getByRole('status').filter({ hasText: 'Your session ended. Sign in again.' }).waitFor();
    await lost.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await lost.locator('body').innerText()).not.toMatch(/Rosa/);
    expect(await stored(lost)).toEqual(NOTHING_STORED);
    expect(await violations(page)).toEqual([]);
    expect(await violations(lost)).toEqual([]);
    await page.context().close();
    await lost.context().close();
  });

  it('accepts an invitation to another local with its code: the local is offered at once, and the code works once', async () => {
    const db = rig.t.db;
    const user = await makeUser(db, { displayName: 'Marta' });
    const home = await makeLocal(db, 'Local 11');
    await grant(db, home, user.id, Role.STEWARD, [await makeWorkplace(db, home)]);
    const other = await makeLocal(db, 'Tenant Union 5');
    const admin = await makeUser(db);
    await grant(db, other, admin.id, Role.LOCAL_ADMIN);
    const invited = await rig.t.gql<{ createInvitation: { token: string } }>(
      rig.t.tokenFor(admin.id),
      INVITE,
      {
        input: { localId: other, email: user.email, role: 'ORGANIZER' },
      },
    );
    expect(invited.errors).toBeUndefined();
    const token = invited.data!.createInvitation.token;
    const page = await signedIn(user.email, SHELL_WORDS.en);
    await page.locator('nav.tabs').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Accept an invitation' }).waitFor();
    expect(await page.getByRole('button', { name: 'Switch local' }).count()).toBe(0);

    // Copied from paper, the code carries spaces; the app drops them.
    const code = page.getByLabel('One-time code');
    await code.fill(`${token.slice(0, 12)} ${token.slice(12, 24)}  ${token.slice(24)}`);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Invitation accepted: you now have the role “Organizer” in Tenant Union 5.' })
      .waitFor();
    // The local switcher offers the new local at once, with Local 11 still the one worked in.
    await page.getByRole('button', { name: 'Switch local' }).waitFor();
    expect(await page.locator('header .where').innerText()).toBe('Local 11');
    expect(await code.inputValue()).toBe('');
    await checkScreen(page);

    await code.fill(token);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('alert').filter({ hasText: 'This code does not work' }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page);
    expect(page.url()).not.toContain(token);

    await page.getByRole('button', { name: 'Switch local' }).click();
    await page.getByRole('button', { name: 'Tenant Union 5' }).click();
    await page.locator('header .where').filter({ hasText: 'Tenant Union 5' }).waitFor();
    expect(await stored(page)).toEqual(NOTHING_STORED);
    await page.context().close();
  });

  it('takes the code on the "no local yet" screen too, in Spanish: an account whose roles all ended is invited again', async () => {
    const db = rig.t.db;
    const user = await makeUser(db, { displayName: 'Rosa' });
    const local = await makeLocal(db, 'Sindicato de Inquilinas 3');
    const admin = await makeUser(db);
    await grant(db, local, admin.id, Role.LOCAL_ADMIN);
    const invited = await rig.t.gql<{ createInvitation: { token: string } }>(
      rig.t.tokenFor(admin.id),
      INVITE,
      {
        input: { localId: local, email: user.email, role: 'ORGANIZER' },
      },
    );
    expect(invited.errors).toBeUndefined();
    const page = await phone(rig.browser, SHELL_WORDS.es.locale);
    await signIn(page, rig.base, user.email, SHELL_WORDS.es, { heading: 'Todavía sin local ni sindicato' });
    await page.getByRole('heading', { name: 'Aceptar una invitación' }).waitFor();
    await checkScreen(page);

    await page.getByLabel('Código de un solo uso').fill(invited.data!.createInvitation.token);
    await page.getByRole('button', { name: 'Aceptar la invitación' }).click();
    // The roles arrive, and with one local the app opens in it.
    await page.locator('header .where').filter({ hasText: 'Sindicato de Inquilinas 3' }).waitFor();
    await page.locator('nav.tabs').waitFor();
    expect(await stored(page)).toEqual(NOTHING_STORED);
    await page.context().close();
  });
});
