import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page, Request } from 'playwright-core';
import { TestApp } from '@juntos/test-support';

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

/** A phone-sized page that records every CSP violation. */
export async function phone(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
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
