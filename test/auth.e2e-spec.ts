import { createHmac } from 'node:crypto';
import { makeUser, TEST_JWT_SECRET, TEST_PASSWORD, TestApp } from '@juntos/test-support';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('sign-in over REST', () => {
  let t: TestApp;
  let user: { id: string; email: string };
  // Each scenario signs in from its own address: the per-IP limit is a test of its own.
  let ipSeq = 0;
  const nextIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

  beforeAll(async () => {
    t = await TestApp.create({ TRUST_PROXY: 'true' });
    user = await makeUser(t.db, { email: 'Organizer@Example.org' });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = nextIp()) =>
    t.http().post('/auth/login').set('x-forwarded-for', ip).send({ email, password });
  const me = (token: string) => t.gql<{ me: { id: string } }>(token, '{ me { id } }');

  it('signs in and the access token works on the API', async () => {
    const res = await login('ORGANIZER@example.org ', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    expect((await me(res.body.accessToken)).data?.me.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login('nobody-here@example.org', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('stores refresh tokens only as hashes', async () => {
    const res = await login(user.email, TEST_PASSWORD);
    const { rows } = await t.db.query('select token_hash from refresh_token');
    const stored = rows.map((r: { token_hash: Buffer }) => r.token_hash.toString('utf8'));
    expect(stored).not.toContain(res.body.refreshToken);
    expect(rows.every((r: { token_hash: Buffer }) => r.token_hash.length === 32)).toBe(true);
  });

  it('refuses tampered, unsigned, foreign-key and expired access tokens as UNAUTHENTICATED', async () => {
    const good = t.tokenFor(user.id);
    const [h, p] = good.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${b64({ ...payload, sub: '00000000-0000-4000-8000-000000000000' })}.${good.split('.')[2]}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
    const hs512 = (() => {
      const head = b64({ alg: 'HS512', typ: 'JWT' });
      const sig = createHmac('sha512', TEST_JWT_SECRET).update(`${head}.${p}`).digest('base64url');
      return `${head}.${p}.${sig}`;
    })();
    const otherSecret = t.tokenFor(user.id, { secret: 'another-secret-that-is-long-enough-xxxxxxxx' });
    const expired = t.tokenFor(user.id, { expiresIn: -10 });
    for (const token of [tampered, none, hs512, otherSecret, expired, 'garbage']) {
      const res = await me(token);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
    }
  });

  it('rotates refresh tokens; reusing a rotated one revokes every session of the user', async () => {
    const first = (await login(user.email, TEST_PASSWORD)).body.refreshToken as string;
    const other = (await login(user.email, TEST_PASSWORD)).body.refreshToken as string;

    const rotated = await t.http().post('/auth/refresh').send({ refreshToken: first });
    expect(rotated.status).toBe(200);
    const second = rotated.body.refreshToken as string;
    expect(second).not.toBe(first);
    expect((await me(rotated.body.accessToken)).data?.me.id).toBe(user.id);

    // The old token stops working at once...
    const reuse = await t.http().post('/auth/refresh').send({ refreshToken: first });
    expect(reuse.status).toBe(401);
    // ...and its reuse ended the new one and every other session too.
    expect((await t.http().post('/auth/refresh').send({ refreshToken: second })).status).toBe(401);
    expect((await t.http().post('/auth/refresh').send({ refreshToken: other })).status).toBe(401);
    const { rows } = await t.db.query(
      `select count(*)::int as n from audit_event where action = 'auth.refresh_reused' and actor_id = $1`,
      [user.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses an unknown or malformed refresh token with 401 or 400', async () => {
    expect(
      (
        await t
          .http()
          .post('/auth/refresh')
          .send({ refreshToken: 'x'.repeat(43) })
      ).status,
    ).toBe(401);
    expect((await t.http().post('/auth/refresh').send({ refreshToken: 5 })).status).toBe(400);
    expect((await t.http().post('/auth/refresh').send({ refreshToken: '' })).status).toBe(400);
    // No token at all, in the body or the web app's cookie: no session to refresh.
    expect((await t.http().post('/auth/refresh').send({})).status).toBe(401);
  });

  it('logs out with 204, whether or not the token was still live', async () => {
    const { refreshToken } = (await login(user.email, TEST_PASSWORD)).body;
    expect((await t.http().post('/auth/logout').send({ refreshToken })).status).toBe(204);
    expect((await t.http().post('/auth/logout').send({ refreshToken })).status).toBe(204);
    expect((await t.http().post('/auth/logout').send({ refreshToken: 'never-issued' })).status).toBe(204);
    expect((await t.http().post('/auth/refresh').send({ refreshToken })).status).toBe(401);
  });

  it('answers 204 to a logout with an empty, malformed or foreign body, and ends nothing', async () => {
    const { refreshToken } = (await login(user.email, TEST_PASSWORD)).body;
    for (const body of [
      undefined,
      {},
      { refreshToken: 42 },
      { refreshToken: 'x'.repeat(500) },
      'plain text',
    ]) {
      const req = t.http().post('/auth/logout');
      const res = body === undefined ? await req : await req.send(body as object);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
    }
    expect((await t.http().post('/auth/refresh').send({ refreshToken })).status).toBe(200);
  });

  it('locks an account for 15 minutes after 5 failures, even to the right password, counted in Postgres', async () => {
    const victim = await makeUser(t.db);
    for (let i = 0; i < 5; i++) expect((await login(victim.email, `wrong password ${i}!`)).status).toBe(401);
    const locked = await login(victim.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/15 minutes/);
    const { rows } = await t.db.query(
      'select extract(epoch from locked_until - now())::float8 as left from account_lock',
    );
    expect(rows).toHaveLength(1);
    // Locked at the 5th failure, a moment ago: between 14m59s and 15m are left.
    expect(rows[0].left).toBeGreaterThan(15 * 60 - 1);
    expect(rows[0].left).toBeLessThanOrEqual(15 * 60);

    // An unknown email locks the same way, so a lockout never confirms that an account exists.
    for (let i = 0; i < 5; i++) await login('ghost@example.org', `wrong password ${i}!`);
    expect((await login('ghost@example.org', 'anything at all here')).status).toBe(429);

    // When the lock has passed, the right password works again.
    await t.db.query(`update account_lock set locked_until = now() - interval '1 second'`);
    await t.db.query(`update login_attempt set created_at = created_at - interval '16 minutes'`);
    expect((await login(victim.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers 429 to more than 30 attempts a minute from one address', async () => {
    const ip = '10.200.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await login(`someone${i}@example.org`, 'a wrong password', ip)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address is not affected.
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('reads the address the proxy wrote, so a forged X-Forwarded-For prefix dodges no limit', async () => {
    // TRUST_PROXY=true is one proxy: it appends the connecting address to whatever the client sent.
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await login(`forger${i}@example.org`, 'a wrong password', `203.0.113.${i}, 10.203.0.1`)).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const logged = await t.db.query(
      `select distinct ip from audit_event where action = 'auth.login_failed' and (ip like '%10.203.0.1' or ip like '203.0.113.%')`,
    );
    expect(logged.rows.map((r: { ip: string }) => r.ip.replace(/^::ffff:/, ''))).toEqual(['10.203.0.1']);
  });

  describe('under parallel attempts', () => {
    const failures = async (email: string) =>
      (
        await t.db.query(
          `select count(*)::int as n from login_attempt where account_key = sha256($1::bytea) and outcome = 'failure'`,
          [Buffer.from(email)],
        )
      ).rows[0].n as number;

    it('verifies at most 5 of 40 simultaneous wrong passwords for one account; the rest answer 429', async () => {
      const victim = await makeUser(t.db);
      // From 40 addresses, so only the account's lockout can stop them.
      const statuses = (
        await Promise.all(
          Array.from({ length: 40 }, (_, i) => login(victim.email, `wrong password number ${i}`)),
        )
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      expect(await failures(victim.email)).toBe(5);
      // Locked, even to the right password.
      expect((await login(victim.email, TEST_PASSWORD)).status).toBe(429);
    });

    it('evaluates at most 30 of 40 simultaneous attempts from one address over 40 accounts', async () => {
      const ip = '10.201.0.1';
      const statuses = (
        await Promise.all(
          Array.from({ length: 40 }, (_, i) => login(`parallel${i}@example.org`, 'a wrong password', ip)),
        )
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(30);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const { rows } = await t.db.query(
        `select count(*)::int as n from login_attempt where ip = $1 and outcome = 'failure'`,
        [ip],
      );
      expect(rows[0].n).toBe(30);
    });
  });

  it('deletes sign-in records (client addresses) once the 15-minute window no longer needs them', async () => {
    await t.db.query(
      `insert into login_attempt (account_key, ip, outcome, created_at)
       select sha256(('old' || g)::bytea), '10.202.0.1', 'failure', now() - interval '16 minutes'
         from generate_series(1, 50) g`,
    );
    await t.db.query(
      `insert into login_attempt (account_key, ip, outcome, created_at)
       values (sha256('recent'::bytea), '10.202.0.2', 'failure', now() - interval '14 minutes')`,
    );
    await t.db.query(
      `insert into account_lock (account_key, locked_until) values (sha256('expired'::bytea), now() - interval '1 second')`,
    );
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    const count = async (sql: string) => (await t.db.query(sql)).rows[0].n as number;
    expect(
      await count(
        `select count(*)::int as n from login_attempt where created_at < now() - interval '15 minutes'`,
      ),
    ).toBe(0);
    expect(await count(`select count(*)::int as n from login_attempt where ip = '10.202.0.2'`)).toBe(1);
    expect(
      await count(`select count(*)::int as n from account_lock where account_key = sha256('expired'::bytea)`),
    ).toBe(0);
  });

  it('deletes sessions (and their user agents) a week after they ended or expired', async () => {
    const other = await makeUser(t.db);
    const { rows } = await t.db.query(
      `insert into session (user_id, user_agent, created_at, expires_at, ended_at) values
         ($1, 'ended 8 days ago', now() - interval '20 days', now() + interval '10 days', now() - interval '8 days'),
         ($1, 'expired 8 days ago', now() - interval '38 days', now() - interval '8 days', null),
         ($1, 'ended 6 days ago', now() - interval '20 days', now() + interval '10 days', now() - interval '6 days'),
         ($1, 'live', now() - interval '1 day', now() + interval '29 days', null)
       returning user_agent`,
      [other.id],
    );
    expect(rows).toHaveLength(4);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    const left = await t.db.query(`select user_agent from session where user_id = $1 order by user_agent`, [
      other.id,
    ]);
    expect(left.rows.map((r: { user_agent: string }) => r.user_agent)).toEqual(['ended 6 days ago', 'live']);
  });

  it('audits every sign-in and failure, without the email or password', async () => {
    const { rows } = await t.db.query(
      `select action, actor_id, ip from audit_event where action like 'auth.%'`,
    );
    const actions = new Set(rows.map((r: { action: string }) => r.action));
    expect(actions).toEqual(
      new Set(['auth.login', 'auth.login_failed', 'auth.login_locked', 'auth.refresh_reused', 'auth.logout']),
    );
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('example.org');
    expect(raw).not.toContain(TEST_PASSWORD);
  });

  it('refuses malformed bodies with 400 and a message', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/email/);
  });
});
