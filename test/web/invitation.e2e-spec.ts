import { Page } from 'playwright-core';
import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser } from '@juntos/test-support';
import {
  checkScreen,
  describeInBrowser,
  NOTHING_STORED,
  phone,
  rigForFile,
  SHELL_WORDS,
  signOutClean,
  stored,
} from './browser';

/** The words the test reads on screen, in each language (the catalogs' own). */
const WORDS = {
  en: {
    ...SHELL_WORDS.en,
    haveInvitation: 'I have an invitation',
    title: 'Accept your invitation',
    code: 'One-time code',
    name: 'Your name',
    newPassword: 'New password',
    accept: 'Accept and sign in',
    spent: 'This code does not work',
    short: 'Use at least 12 characters.',
    missingCode: 'Type the code you were given.',
  },
  es: {
    ...SHELL_WORDS.es,
    haveInvitation: 'Tengo una invitación',
    title: 'Acepta tu invitación',
    code: 'Código de un solo uso',
    name: 'Tu nombre',
    newPassword: 'Contraseña nueva',
    accept: 'Aceptar e iniciar sesión',
    spent: 'Este código no sirve',
    short: 'Usa al menos 12 caracteres.',
    missingCode: 'Escribe el código que te dieron.',
  },
};

const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`;

describeInBrowser('accepting an invitation in the web app', () => {
  const rig = rigForFile();

  /** A local admin's invitation, made through the API: the one-time code they hand over. */
  async function invite(adminId: string, localId: string, email: string): Promise<string> {
    const res = await rig.t.gql<{ createInvitation: { token: string } }>(rig.t.tokenFor(adminId), INVITE, {
      input: { localId, email, role: 'ORGANIZER' },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createInvitation.token;
  }

  /** Sends the form and waits for the API's answer: its status. */
  async function send(page: Page, words: { accept: string }): Promise<number> {
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/auth/accept-invitation')),
      page.getByRole('button', { name: words.accept }).click(),
    ]);
    return answer.status();
  }

  for (const lang of ['es', 'en'] as const) {
    it(`takes the invitee from the sign-in screen to their home screen, in ${lang === 'es' ? 'Spanish' : 'English'}, with the code nowhere but the form`, async () => {
      const w = WORDS[lang];
      const db = rig.t.db;
      const local = await makeLocal(db, `Local 11 (${lang})`);
      const admin = await makeUser(db, { displayName: 'Ana Admin' });
      await grant(db, local, admin.id, Role.LOCAL_ADMIN);
      const email = `invited-${lang}@example.org`;
      const token = await invite(admin.id, local, email);
      const late = await invite(admin.id, local, `late-${lang}@example.org`);
      await db.query(`update invitation set expires_at = now() - interval '1 minute' where email = $1`, [
        `late-${lang}@example.org`,
      ]);

      const page = await phone(rig.browser, w.locale);
      // Every address the page loads or asks for, to show the code is in none.
      const addresses: string[] = [];
      page.on('request', (r) => addresses.push(r.url()));
      page.on('framenavigated', (f) => addresses.push(f.url()));

      await page.goto(rig.base);
      await page.getByRole('link', { name: w.haveInvitation }).click();
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      expect(page.url()).toBe(`${rig.base}/invitation`);
      await checkScreen(page);

      // Nothing typed: said beside the code, and nothing is sent.
      await page.getByRole('button', { name: w.accept }).click();
      await page.getByRole('alert').filter({ hasText: w.missingCode }).waitFor();

      // A code that does not exist, then an expired one: the same plain sentence, what was typed kept.
      const name = lang === 'es' ? 'Olga Organizadora' : 'Olga Organizer';
      await page.getByLabel(w.code).fill('x'.repeat(43));
      await page.getByLabel(w.name).fill(name);
      await page.getByLabel(w.newPassword).fill('short');
      expect(await send(page, w)).toBe(400);
      await page.getByRole('alert').filter({ hasText: w.spent }).waitFor();
      await checkScreen(page);
      await page.getByLabel(w.code).fill(late);
      expect(await send(page, w)).toBe(400);
      await page.getByRole('alert').filter({ hasText: w.spent }).waitFor();
      expect(await page.getByLabel(w.name).inputValue()).toBe(name);

      // The right code, as read aloud in two halves with a space between, and a weak password.
      await page.getByLabel(w.code).fill(`${token.slice(0, 20)} ${token.slice(20)}`);
      expect(await send(page, w)).toBe(400);
      await page.getByRole('alert').filter({ hasText: w.short }).waitFor();
      await checkScreen(page);

      // A good password: the account is made and the organizer is on their home screen.
      await page.getByLabel(w.newPassword).fill('the tenants united will never be defeated');
      expect(await send(page, w)).toBe(200);
      await page.getByRole('heading', { name: w.today, level: 1 }).waitFor();
      expect(page.url()).toBe(`${rig.base}/`);
      await checkScreen(page, { quickExit: w.quickExit });
      const { rows } = await db.query(
        `select u.display_name, r.role from app_user u join role_assignment r on r.user_id = u.id
          where u.email = $1 and r.local_id = $2`,
        [email, local],
      );
      expect(rows).toEqual([{ display_name: name, role: 'ORGANIZER' }]);

      // The code was in no address, and the browser keeps nothing of it: not web storage, nor a cookie.
      expect(addresses.filter((a) => a.includes(token.slice(0, 20)) || a.includes(late))).toEqual([]);
      expect(await stored(page)).toEqual(NOTHING_STORED);
      const cookies = await page.context().cookies();
      expect(cookies.filter((c) => c.value.includes(token.slice(0, 20)))).toEqual([]);
      await signOutClean(page, w);

      // Used once, the code opens nothing again (the screen opened by its address).
      const again = await phone(rig.browser, w.locale);
      await again.goto(`${rig.base}/invitation`);
      await again.getByLabel(w.code).fill(token);
      await again.getByLabel(w.name).fill('Someone else');
      await again.getByLabel(w.newPassword).fill('another strong passphrase here');
      expect(await send(again, w)).toBe(400);
      await again.getByRole('alert').filter({ hasText: w.spent }).waitFor();
      await checkScreen(again);
      expect(await stored(again)).toEqual(NOTHING_STORED);
      await again.context().close();
    }, 120_000);
  }
});
