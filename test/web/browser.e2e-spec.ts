import { Browser, Page } from 'playwright-core';
import { Role } from '@juntos/common';
import {
  grant,
  makeLocal,
  makeMember,
  makeUser,
  makeWorkplace,
  TEST_PASSWORD,
  TestApp,
} from '@juntos/test-support';
import {
  accessible,
  describeInBrowser,
  NOTHING_STORED,
  settled,
  phone as openPhone,
  startRig,
  stored,
  violations,
  WebRig,
} from './browser';

describeInBrowser('the web app in a browser', () => {
  let rig: WebRig;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let user: { id: string; email: string };

  beforeAll(async () => {
    rig = await startRig();
    ({ t, browser, base } = rig);
    user = await makeUser(t.db, { displayName: 'Rosa' });
    const local = await makeLocal(t.db);
    await grant(t.db, local, user.id, Role.STEWARD, [await makeWorkplace(t.db, local)]);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  const phone = (locale: string): Promise<Page> => openPhone(browser, locale);

  it('signs a steward in, in Spanish, keeps the session across a reload, signs out, and leaves nothing on the phone', async () => {
    const page = await phone('es-MX');
    await page.goto(base);
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect(await accessible(page)).toEqual([]);

    // A wrong password: a plain sentence in Spanish, and what was typed stays.
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña').fill('not the password');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('alert').filter({ hasText: 'no coinciden' }).waitFor();
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(user.email);

    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();
    expect(await accessible(page)).toEqual([]);

    // The refresh token is in an HttpOnly cookie the page cannot read.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'juntos_refresh')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/auth',
    });
    expect(await page.evaluate('document.cookie')).not.toMatch(/juntos_refresh/);

    await page.reload();
    await page.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();

    await page.locator('nav.tabs').getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();

    expect(await stored(page)).toEqual(NOTHING_STORED);
    expect(page.url()).toBe(`${base}/`);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('leaves at one tap from any screen: signed out, a neutral page in place of the app, and no Back into it', async () => {
    const page = await phone('es-MX');
    // The neutral page, answered here (the machine has no internet).
    await page.route('https://www.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<html><body>neutral</body></html>' }),
    );
    await page.goto(base);
    await page.getByRole('button', { name: 'Salida rápida' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Salida rápida' }).click();
    await page.waitForURL('https://www.google.com/');
    expect((await page.context().cookies(base)).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
    await page.goBack();
    expect(page.url().startsWith(base)).toBe(false);
    // The session is over on the server too: the app, opened again, asks to sign in.
    await page.goto(base);
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('follows an English browser, switches language before signing in, and remembers only the language', async () => {
    const page = await phone('en-US');
    await page.goto(`${base}/members/3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect((await page.context().cookies()).map((c) => `${c.name}=${c.value}`)).toEqual(['juntos_lang=es']);
    expect(await stored(page)).toEqual(NOTHING_STORED);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps two tabs signed in while both reload at once: their refreshes take turns', async () => {
    const first = await phone('es-MX');
    await first.goto(base);
    await first.getByLabel('Correo electrónico').fill(user.email);
    await first.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await first.getByRole('button', { name: 'Iniciar sesión' }).click();
    await first.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();
    const second = await first.context().newPage();
    await second.goto(base);
    await second.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();
    // Each reload refreshes through the one cookie; presented twice, rotation would end the session.
    // Held on the way, each refresh overlaps the other tab's unless the tabs take turns.
    for (const p of [first, second])
      await p.route('**/auth/refresh', async (route) => {
        await new Promise((r) => setTimeout(r, 300));
        await route.continue();
      });
    for (let i = 0; i < 3; i++) {
      await Promise.all([first.reload(), second.reload()]);
      await Promise.all(
        [first, second].map((p) => p.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor()),
      );
    }
    await first.context().close();
  });

  it('says in a sentence that an account is locked after too many wrong passwords', async () => {
    const locked = await makeUser(t.db, { displayName: 'Lola' });
    const page = await phone('es-MX');
    await page.goto(base);
    await page.getByLabel('Correo electrónico').fill(locked.email);
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Contraseña').fill(`wrong password number ${i}`);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByRole('alert').filter({ hasText: 'Demasiados intentos. Espera 15 minutos' }).waitFor();
    // Even the right password waits now.
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('alert').filter({ hasText: 'Demasiados intentos' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a board member a screen of the local in numbers, with nothing personal on it', async () => {
    const local = await makeLocal(t.db, 'Local 11');
    const board = await makeUser(t.db, { displayName: 'Beto Board' });
    await grant(t.db, local, board.id, Role.BOARD_MEMBER);
    await makeMember(t.db, local, { firstName: 'Ana', lastName: 'López' });
    const page = await phone('en-US');
    await page.goto(base);
    await page.getByLabel('Email').fill(board.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    // Ana, never assessed, is a number in a bar: never a name.
    await page.getByRole('img', { name: 'Not assessed: 1 of 1 members' }).waitFor();
    await settled(page);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Beto|Ana|López|@/);
    expect(await accessible(page)).toEqual([]);
    await page.locator('nav.tabs').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('stays usable at 200% text on a 360 px phone: nothing runs off the side', async () => {
    const page = await phone('es-MX');
    await page.setViewportSize({ width: 360, height: 740 });
    // The phone's text size setting: the default font at twice its size (the app sizes in rem).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    await page.goto(base);
    const overflow = () =>
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.evaluate('getComputedStyle(document.documentElement).fontSize')).toBe('32px');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Hoy', level: 1 }).waitFor();
    await settled(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator('nav.tabs').getByRole('link', { name: 'Anotar' }).click();
    await page.getByLabel('Busca un miembro').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describeInBrowser('the idle lock', () => {
  let rig: WebRig;
  beforeAll(async () => {
    // 3 seconds, so the test need not wait 15 minutes.
    rig = await startRig({ IDLE_LOCK_MINUTES: '0.05' });
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('locks after a while untouched: forgets what was on screen, ends the session, and asks for the password again', async () => {
    const user = await makeUser(rig.t.db, { displayName: 'Rosa' });
    const local = await makeLocal(rig.t.db);
    const site = await makeWorkplace(rig.t.db, local);
    await grant(rig.t.db, local, user.id, Role.STEWARD, [site]);
    await makeMember(rig.t.db, local, { workplaceId: site, firstName: 'Ana', lastName: 'López' });
    const page = await openPhone(rig.browser, 'en-US');
    await page.goto(rig.base);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Ana').first().waitFor();

    await page.getByRole('heading', { name: 'Locked' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).not.toMatch(/Ana/);
    // The session is over on the server: the refresh cookie is gone, so a reload cannot sign back in.
    expect((await page.context().cookies()).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
    // Only the password is asked: the email is still in the field (in memory, not stored).
    expect(await page.getByLabel('Email').inputValue()).toBe(user.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await stored(page)).toEqual(NOTHING_STORED);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Ana').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
