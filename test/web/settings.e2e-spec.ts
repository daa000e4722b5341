import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace } from '@juntos/test-support';
import {
  accessible,
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

/** Settings on a phone: the devices signed in, and ending one from another (a lost phone). */
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
});
