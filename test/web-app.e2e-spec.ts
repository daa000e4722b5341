import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApp } from '@juntos/test-support';

/** The API serving a built web app at `/`: here a small one, so the server's rules are tested alone. */
describe('the web app, served by the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juntos-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><meta property="csp-nonce" nonce="__CSP_NONCE__"><meta name="juntos-idle-lock" content="__IDLE_LOCK_MINUTES__"></head><body><div id="root"></div><script type="module" src="/assets/app-1234.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("app")');
    t = await TestApp.create({ WEB_DIR: dir, IDLE_LOCK_MINUTES: '7.5' });
  });
  afterAll(() => t.close());

  const page = (path: string) => t.http().get(path).set('accept', 'text/html');
  const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

  it('answers / and any deep link with the page, a strict policy and a fresh nonce each time', async () => {
    const [home, deep] = [await page('/'), await page('/members/3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60')];
    for (const res of [home, deep]) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      const csp = res.headers['content-security-policy'];
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.text).toContain(`nonce="${nonceOf(csp)}"`);
      // The idle lock's minutes come from the API's settings, so a local sets them without a rebuild.
      expect(res.text).toContain('<meta name="juntos-idle-lock" content="7.5">');
    }
    expect(nonceOf(home.headers['content-security-policy'])).not.toBe(
      nonceOf(deep.headers['content-security-policy']),
    );
  });

  it('never shadows the API: /graphql, /auth, /health and /osdi answer as themselves', async () => {
    const gql = await t.http().post('/graphql').send({ query: '{ __typename }' });
    expect(gql.body).toEqual({ data: { __typename: 'Query' } });
    const auth = await t.http().post('/auth/login').send({ email: 'nobody@example.org', password: 'x' });
    expect(auth.status).toBe(401);
    const health = await page('/health');
    expect(health.headers['content-type']).toMatch(/json/);
    for (const path of ['/graphql', '/auth/login', '/osdi/v1/']) {
      const res = await page(path);
      expect([path, res.text.includes('csp-nonce')]).toEqual([path, false]);
    }
  });

  it('serves the hashed assets as files, and a missing one as 404, never the page', async () => {
    const js = await t.http().get('/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.text).toBe('console.log("app")');
    expect(js.headers['cache-control']).toMatch(/immutable/);
    const missing = await t.http().get('/assets/gone.js').set('accept', '*/*');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('csp-nonce');
  });
});
