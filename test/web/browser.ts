import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page, Request } from 'playwright-core';
import { TEST_PASSWORD, TestApp } from '@juntos/test-support';

/**
 * The web app in a real Chromium against the real API. Runs when a Chromium is found (CHROME_PATH,
 * else /usr/bin/chromium); otherwise says loudly that it was skipped, and fails instead when
 * REQUIRE_BROWSER is set (.ci/run sets it).
 */
export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);
if (!CHROME && process.env.REQUIRE_BROWSER)
  throw new Error('REQUIRE_BROWSER is set but no Chromium was found: set CHROME_PATH or install chromium');
if (!CHROME)
  console.warn('SKIPPED: the browser tests found no Chromium (set CHROME_PATH or install chromium)');
export const describeInBrowser = CHROME ? describe : describe.skip;

export const WEB_DIR = join(__dirname, '..', '..', 'dist', 'web');
export const PHONE = { width: 390, height: 844 };
/** A laptop's viewport, for the screens an organizer or admin works at a desk. */
export const LAPTOP = { width: 1280, height: 800 };
export const NOTHING_STORED = { local: 0, session: 0, indexedDb: 0, caches: 0 };

/** Builds the web app when it is missing, so `npm test` on a fresh clone tests what `npm start` serves. */
function ensureBuilt(): void {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const r = spawnSync('npm', ['run', '-s', 'build:web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

export interface WebRig {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

/** The API (serving the built web app) on a loopback port, and a headless Chromium. */
export async function startRig(overrides: Record<string, string> = {}): Promise<WebRig> {
  ensureBuilt();
  const t = await TestApp.create({ WEB_DIR, ...overrides });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({
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
  return {
    t,
    browser,
    base,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * One rig for a test file: started before its first test and closed after its last. The object
 * answered is filled in when the rig starts, so `rig.base` and `rig.t` read as usual inside tests.
 * `overrides` is asked for then (a receiver started in an earlier beforeAll can give its URL).
 */
export function rigForFile(overrides: () => Record<string, string> = () => ({})): WebRig {
  const rig = {} as WebRig;
  beforeAll(async () => {
    Object.assign(rig, await startRig(overrides()));
  }, 120_000);
  afterAll(async () => {
    await rig.close?.();
  });
  return rig;
}

/** A phone-sized page that records every CSP violation. */
export async function phone(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // Generous: two browser suites and the API share two cores in CI. A wait is not a speed target.
  page.setDefaultTimeout(15_000);
  const inFlight = new Set<Request>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  quiet.set(page, () => [...inFlight].map((r) => `${r.method()} ${r.url()}`));
  // Browser-side code as text: this file is type-checked for Node, without the DOM's types.
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  return page;
}

/** The narrowest phone the app supports (360 px wide) with its text at 200%, as a user who needs large text sets it. */
export async function largeTextPhone(browser: Browser, locale: string): Promise<Page> {
  const page = await phone(browser, locale);
  await page.setViewportSize({ width: 360, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  return page;
}

const quiet = new WeakMap<Page, () => string[]>();

/** Waits until the page has had no request in flight for 300 ms (an answer rendered). */
export async function settled(page: Page, timeout = 8000): Promise<void> {
  const pending = quiet.get(page)!;
  const until = Date.now() + timeout;
  let calm = 0;
  while (calm < 3) {
    if (Date.now() > until) throw new Error(`still in flight after ${timeout} ms: ${pending().join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
    calm = pending().length === 0 ? calm + 1 : 0;
  }
}

export const violations = (page: Page): Promise<string[]> => page.evaluate('window.cspViolations');

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page: the ids of serious or critical violations. */
export async function accessible(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(`(async () => {
    const { violations } = await window.axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })()`);
}

/** Everything the phone could keep: web storage, IndexedDB, the Cache API. */
export const stored = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(`(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }))()`);

/** Waits until the locator matches exactly `n` elements (a list that loads or filters), else fails saying how many. */
export async function hasCount(locator: Locator, n: number, timeout = 8000): Promise<void> {
  const until = Date.now() + timeout;
  let seen = await locator.count();
  while (seen !== n && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    seen = await locator.count();
  }
  expect(seen).toBe(n);
}

/**
 * Controls smaller than a thumb: every visible button, link, field and summary must measure at
 * least 44 × 44 CSS pixels. Answers a description of each one that does not.
 */
export const smallTargets = (page: Page): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll('button, a[href], input, select, textarea, summary')]
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width > 0 && r.height > 0 && (r.width < 43.5 || r.height < 43.5))
    .map(([el, r]) => el.tagName.toLowerCase() + ' "' + (el.textContent || el.id).trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height))`);

/**
 * The words of the app's shell, in each language as a user sees them: the sign-in screen, the tab
 * bar, Settings' sign-out, the quick exit and the answers every screen can give. A test file's
 * own words spread these in (`{ ...SHELL_WORDS.es, people: 'Personas' }`).
 */
export const SHELL_WORDS = {
  en: {
    locale: 'en-US',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    quickExit: 'Quick exit',
    today: 'Today',
    more: 'More',
    settings: 'Settings',
    noAccess: "You don't have access to this.",
    offline: 'No connection',
  },
  es: {
    locale: 'es-MX',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    quickExit: 'Salida rápida',
    today: 'Hoy',
    more: 'Más',
    settings: 'Ajustes',
    noAccess: 'No tienes acceso a esto.',
    offline: 'No hay conexión',
  },
};

/** The sign-in screen's labels, in the user's language. */
export interface SignInWords {
  email: string;
  password: string;
  signIn: string;
}

/**
 * Signs in from the app's first screen at `base`: the email and the test password typed into the
 * fields labelled in the user's language, then the button. Then waits, when asked, for the
 * level-1 heading named `heading` (Today, or the local to choose) or for the tab bar (`tabs`).
 */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  words: SignInWords,
  landing: { heading?: string; tabs?: boolean } = {},
): Promise<void> {
  await page.goto(base);
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: words.signIn }).click();
  if (landing.heading) await page.getByRole('heading', { name: landing.heading, level: 1 }).waitFor();
  if (landing.tabs) await page.locator('nav.tabs').waitFor();
}

/** What `checkScreen` checks beyond its three checks. */
export interface ScreenChecks {
  /** The viewports to run axe and the 44 px check at (the page's own is put back after); default: the page's. */
  sizes?: { width: number; height: number }[];
  /** The quick-exit button's name: waits for it (every signed-in screen has one). */
  quickExit?: string;
  /** Text the page must not show anywhere (people outside the user's reach). */
  absent?: RegExp;
}

/**
 * The checks every screen visited passes, once the page has settled: no serious or critical axe
 * finding and no control smaller than 44 px (at each of `sizes`), and no CSP violation so far.
 */
export async function checkScreen(page: Page, opts: ScreenChecks = {}): Promise<void> {
  await settled(page);
  if (opts.quickExit) await page.getByRole('button', { name: opts.quickExit }).waitFor();
  const own = page.viewportSize();
  for (const size of opts.sizes ?? [null]) {
    if (size) await page.setViewportSize(size);
    expect(await accessible(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  }
  if (opts.sizes && own) await page.setViewportSize(own);
  expect(await violations(page)).toEqual([]);
  if (opts.absent) expect(await page.locator('body').innerText()).not.toMatch(opts.absent);
}

/** The words signing out reads: Settings' button, the sign-in screen's, and the tabs to reach Settings. */
export interface SignOutWords {
  signIn: string;
  signOut: string;
  settings: string;
  more: string;
}

/**
 * Signs out from Settings, and checks the sign-in screen is back, the browser keeps nothing (web
 * storage, IndexedDB, caches) and no CSP violation happened; then closes the page's context.
 * Settings opens by its address when `base` is given, else through the tab bar: its own tab (a
 * steward's), or More then Settings (an organizer's, admin's or board member's).
 */
export async function signOutClean(page: Page, words: SignOutWords, base?: string): Promise<void> {
  if (base) await page.goto(`${base}/settings`);
  else {
    const tabs = page.locator('nav.tabs');
    const settings = tabs.getByRole('link', { name: words.settings, exact: true });
    if (await settings.count()) await settings.click();
    else {
      await tabs.getByRole('link', { name: words.more, exact: true }).click();
      await page.getByRole('link', { name: words.settings, exact: true }).click();
    }
  }
  await page.getByRole('button', { name: words.signOut }).click();
  await page.getByRole('button', { name: words.signIn }).waitFor();
  expect(await stored(page)).toEqual(NOTHING_STORED);
  expect(await violations(page)).toEqual([]);
  await page.context().close();
}

/** Where `shot` writes: the README's pictures. */
export const SCREENSHOTS_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * A picture of what the page shows (its viewport), written to docs/screenshots/<name>.png only
 * when SCREENSHOTS is set (`npm run screenshots`); otherwise nothing. `top`: scrolled back to the
 * screen's top first (the test worked further down); `whole`: the whole page, in a viewport made
 * as tall as it for the picture.
 */
export async function shot(
  page: Page,
  name: string,
  opts: { top?: boolean; whole?: boolean } = {},
): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  await settled(page);
  if (opts.top) await page.evaluate('window.scrollTo(0, 0)');
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  const own = page.viewportSize();
  if (!opts.whole || !own) {
    await page.screenshot({ path });
    return;
  }
  // A viewport as tall as the page, not a full-page capture: the tab bar stays at the bottom.
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  await page.setViewportSize({ width: own.width, height });
  await settled(page);
  await page.screenshot({ path });
  await page.setViewportSize(own);
}
