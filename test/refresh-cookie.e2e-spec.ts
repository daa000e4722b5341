import { hashOpaqueToken } from '@juntos/auth';
import { makeUser, TEST_PASSWORD, TestApp } from '@juntos/test-support';

/** The web app's sign-in: the refresh token lives in an HttpOnly cookie its scripts never read. */
describe('the refresh cookie', () => {
  let t: TestApp;
  let user: { id: string; email: string };
  let ipSeq = 0;
  const nextIp = () => `10.8.0.${++ipSeq}`;

  beforeAll(async () => {
    t = await TestApp.create({ TRUST_PROXY: 'true' });
    user = await makeUser(t.db);
  });
  afterAll(() => t.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('juntos_refresh='));
  const valueOf = (cookie: string) => cookie.split(';')[0].slice('juntos_refresh='.length);
  const webLogin = () =>
    t
      .http()
      .post('/auth/login')
      .set('x-forwarded-for', nextIp())
      .set('x-juntos-refresh', 'cookie')
      .send({ email: user.email, password: TEST_PASSWORD });

  it('is set HttpOnly, SameSite=Strict, on /auth, Secure unless on plain http to this machine; the web app gets no token in the body', async () => {
    const res = await webLogin();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900, tokenType: 'Bearer' });
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(
      /^juntos_refresh=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/auth; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    // Behind a proxy on a public name, over https: Secure.
    const proxied = await t
      .http()
      .post('/auth/login')
      .set('x-forwarded-for', nextIp())
      .set('x-forwarded-proto', 'https')
      .set('host', 'juntos.example.org')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(cookieOf(proxied)).toMatch(/; Secure/);
    // Plain http to a public name would leak it: still Secure, so the browser keeps it from the wire.
    const plain = await t
      .http()
      .post('/auth/login')
      .set('x-forwarded-for', nextIp())
      .set('host', 'juntos.example.org')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(cookieOf(plain)).toMatch(/; Secure/);
    // API clients keep the token in the JSON body, as before.
    expect(plain.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refreshes through the cookie alone, rotating it, and a reused cookie ends the session', async () => {
    const first = valueOf(cookieOf(await webLogin())!);
    const refreshed = await t
      .http()
      .post('/auth/refresh')
      .set('x-forwarded-for', nextIp())
      .set('x-juntos-refresh', 'cookie')
      .set('cookie', `juntos_refresh=${first}`)
      .send({});
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const second = valueOf(cookieOf(refreshed)!);
    expect(second).not.toBe(first);
    const me = await t.gql<{ me: { id: string } }>(refreshed.body.accessToken, '{ me { id } }');
    expect(me.data?.me.id).toBe(user.id);

    // The rotated cookie again: refused, the cookie cleared, and the session over.
    const reused = await t
      .http()
      .post('/auth/refresh')
      .set('x-forwarded-for', nextIp())
      .set('cookie', `juntos_refresh=${first}`)
      .send({});
    expect(reused.status).toBe(401);
    expect(cookieOf(reused)).toMatch(/^juntos_refresh=; .*Expires=Thu, 01 Jan 1970/);
    const after = await t
      .http()
      .post('/auth/refresh')
      .set('x-forwarded-for', nextIp())
      .set('cookie', `juntos_refresh=${second}`)
      .send({});
    expect(after.status).toBe(401);

    // No cookie and no body: 401, like any dead session.
    const none = await t.http().post('/auth/refresh').set('x-forwarded-for', nextIp()).send({});
    expect(none.status).toBe(401);
  });

  it('signs out through the cookie: the session ends, the cookie expires, and the browser is told to clear the site', async () => {
    const login = await webLogin();
    const token = valueOf(cookieOf(login)!);
    const out = await t
      .http()
      .post('/auth/logout')
      .set('x-forwarded-for', nextIp())
      .set('cookie', `juntos_refresh=${token}`)
      .send({});
    expect(out.status).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(cookieOf(out)).toMatch(/^juntos_refresh=; .*Expires=Thu, 01 Jan 1970/);
    const refresh = await t
      .http()
      .post('/auth/refresh')
      .set('x-forwarded-for', nextIp())
      .set('cookie', `juntos_refresh=${token}`)
      .send({});
    expect(refresh.status).toBe(401);
    const session = await t.db.query(
      `select s.ended_at from session s join refresh_token r on r.session_id = s.id where r.token_hash = $1`,
      [hashOpaqueToken(token)],
    );
    expect(session.rows).toEqual([{ ended_at: expect.any(Date) }]);
  });

  it('answers every request with Cache-Control: no-store', async () => {
    const answers = [
      await t.http().get('/health'),
      await t.http().post('/graphql').send({ query: '{ __typename }' }),
      await webLogin(),
      await t.http().post('/auth/logout').send({}),
      await t.http().get('/no-such-path'),
    ];
    // /health's library adds no-cache and must-revalidate; no-store is what counts.
    for (const res of answers)
      expect(String(res.headers['cache-control']).split(/,\s*/)).toContain('no-store');
  });
});
