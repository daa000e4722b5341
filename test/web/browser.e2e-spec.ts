import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { makeUser, TEST_PASSWORD, TestApp } from '@juntos/test-support';

/**
 * The web app in a real Chromium against the real API. Runs when a Chromium is found (CHROME_PATH,
 * else /usr/bin/chromium); otherwise says loudly that it was skipped, and fails instead when
 * REQUIRE_BROWSER is set (.ci/run sets it).
 */
const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
if (!CHROME && process.env.REQUIRE_BROWSER)
  throw new Error('REQUIRE_BROWSER is set but no Chromium was found: set CHROME_PATH or install chromium');
if (!CHROME)
  console.warn('SKIPPED: the browser tests found no Chromium (set CHROME_PATH or install chromium)');
const maybe = CHROME ? describe : describe.skip;

const WEB_DIR = join(__dirname, '..', '..', 'dist', 'web');
const PHONE = { width: 390, height: 844 };

/** Builds the web app when it is missing, so `npm test` on a fresh clone tests what `npm start` serves. */
function ensureBuilt(): void {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  const r = spawnSync('npm', ['run', '-s', 'build:web'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

maybe('the web app in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let user: { id: string; email: string };

  beforeAll(async () => {
    ensureBuilt();
    t = await TestApp.create({ WEB_DIR });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    user = await makeUser(t.db, { displayName: 'Rosa' });
    browser = await chromium.launch({
      executablePath: CHROME,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A phone-sized page that records every CSP violation. */
  async function phone(locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    // Browser-side code as text: this file is type-checked for Node, without the DOM's types.
    await page.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
    return page;
  }

  const violations = (page: Page): Promise<string[]> => page.evaluate('window.cspViolations');

  /** axe-core in the page: no serious or critical violation. */
  async function accessible(page: Page): Promise<string[]> {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(`(async () => {
      const { violations } = await window.axe.run();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    })()`);
  }

  /** Everything the phone could keep: web storage, IndexedDB, the Cache API. */
  const stored = (page: Page): Promise<Record<string, number>> =>
    page.evaluate(`(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      indexedDb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }))()`);

  it('signs a steward in, in Spanish, keeps the session across a reload, signs out, and leaves nothing on the phone', async () => {
    const page = await phone('es-MX');
    await page.goto(base);
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    expect(await accessible(page)).toEqual([]);

    // A wrong password: a plain sentence in Spanish, and what was typed stays.
    await page.getByLabel('Correo electrónico').fill(user.email);
    await page.getByLabel('Contraseña').fill('not the password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('alert').filter({ hasText: 'no coinciden' }).waitFor();
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(user.email);

    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Hola, Rosa' }).waitFor();
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
    await page.getByRole('heading', { name: 'Hola, Rosa' }).waitFor();

    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();

    expect(await stored(page)).toEqual({ local: 0, session: 0, indexedDb: 0, caches: 0 });
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
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Hola, Rosa' }).waitFor();

    await page.getByRole('button', { name: 'Salida rápida' }).click();
    await page.waitForURL('https://www.google.com/');
    expect((await page.context().cookies(base)).find((c) => c.name === 'juntos_refresh')).toBeUndefined();
    await page.goBack();
    expect(page.url().startsWith(base)).toBe(false);
    // The session is over on the server too: the app, opened again, asks to sign in.
    await page.goto(base);
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('follows an English browser, switches language before signing in, and remembers only the language', async () => {
    const page = await phone('en-US');
    await page.goto(`${base}/members/3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Entrar' }).waitFor();
    expect((await page.context().cookies()).map((c) => `${c.name}=${c.value}`)).toEqual(['juntos_lang=es']);
    expect(await stored(page)).toEqual({ local: 0, session: 0, indexedDb: 0, caches: 0 });
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
