import { JwtService } from '@nestjs/jwt';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Role } from '@juntos/common';
import { dataSourceOptions } from '@juntos/db';
import {
  createEmptyDatabase,
  dropTestDatabase,
  grant,
  makeSession,
  makeUser,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  TestApp,
  useWorld,
} from '@juntos/test-support';
import { MIGRATIONS } from '../migrations';
import { Sessions1796100000000 } from '../migrations/1796100000000-sessions';

interface SessionRow {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
  userAgent: string | null;
  current: boolean;
}

describe('sessions', () => {
  const ctx = useWorld({ TRUST_PROXY: 'true' });
  // Each sign-in comes from its own address: the per-address limit is a test of its own.
  let ipSeq = 0;
  const nextIp = () => `10.7.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

  const signIn = async (email: string, userAgent = 'test-agent') => {
    const res = await ctx.t
      .http()
      .post('/auth/login')
      .set('x-forwarded-for', nextIp())
      .set('user-agent', userAgent)
      .send({ email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const { accessToken, refreshToken } = res.body as { accessToken: string; refreshToken: string };
    return { accessToken, refreshToken, sid: TestApp.sessionOf(accessToken) };
  };
  const refresh = (refreshToken: string) => ctx.t.http().post('/auth/refresh').send({ refreshToken });
  const me = (token: string) => ctx.t.gql<{ me: { id: string } }>(token, '{ me { id } }');
  const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
    res.errors?.map((e) => e.extensions.code);
  const mySessions = async (token: string) => {
    const res = await ctx.t.gql<{ mySessions: SessionRow[] }>(
      token,
      '{ mySessions { id createdAt lastUsedAt userAgent current } }',
    );
    expect(res.errors).toBeUndefined();
    return res.data!.mySessions;
  };
  const lastUsed = async (sid: string): Promise<Date | null> =>
    (await ctx.t.db.query('select last_used_at from session where id = $1', [sid])).rows[0].last_used_at;
  /** A user with a role in the own local, who signs in with a password. */
  const organizer = async () => {
    const user = await makeUser(ctx.t.db);
    await grant(ctx.t.db, ctx.w.own.id, user.id, Role.ORGANIZER);
    return user;
  };

  it('lists only the viewer’s live sessions, the current one flagged, the user agent cut to 200 characters', async () => {
    const user = await organizer();
    const phone = await signIn(user.email, 'Phone ' + 'x'.repeat(300));
    const laptop = await signIn(user.email, 'Laptop browser');
    const ended = await signIn(user.email);
    await ctx.t.http().post('/auth/logout').send({ refreshToken: ended.refreshToken });
    const someoneElse = await signIn((await organizer()).email);

    const list = await mySessions(laptop.accessToken);
    // Most recently used first: the laptop is in use now, the phone has not been used since.
    expect(list.map((s) => s.id)).toEqual([laptop.sid, phone.sid]);
    expect(list.find((s) => s.current)?.id).toBe(laptop.sid);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const onPhone = list.find((s) => s.id === phone.sid)!;
    expect(onPhone.userAgent).toBe('Phone ' + 'x'.repeat(194));
    expect(list.find((s) => s.id === laptop.sid)!.userAgent).toBe('Laptop browser');
    expect(new Date(onPhone.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Marked used by this very request; the phone has made none since signing in.
    expect(list.find((s) => s.id === laptop.sid)!.lastUsedAt).not.toBeNull();
    expect(onPhone.lastUsedAt).toBeNull();
    expect(list.map((s) => s.id)).not.toContain(someoneElse.sid);
  });

  it('marks a session used at most once a minute on use, and at every refresh', async () => {
    const user = await organizer();
    const s = await signIn(user.email);
    expect(await lastUsed(s.sid)).toBeNull();
    await me(s.accessToken);
    const first = await lastUsed(s.sid);
    expect(first).not.toBeNull();
    await me(s.accessToken);
    expect(await lastUsed(s.sid)).toEqual(first); // no write on every request

    await ctx.t.db.query(`update session set last_used_at = now() - interval '2 minutes' where id = $1`, [
      s.sid,
    ]);
    const before = await lastUsed(s.sid);
    await me(s.accessToken);
    expect((await lastUsed(s.sid))!.getTime()).toBeGreaterThan(before!.getTime());

    // Parallel requests of one session due a mark: one writes it, none waits for another's lock.
    await ctx.t.db.query(`update session set last_used_at = now() - interval '2 minutes' where id = $1`, [
      s.sid,
    ]);
    const burst = await Promise.all(Array.from({ length: 8 }, () => me(s.accessToken)));
    expect(burst.map((r) => r.data?.me.id)).toEqual(Array(8).fill(user.id));
    expect((await lastUsed(s.sid))!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await ctx.t.db.query(`update session set last_used_at = now() - interval '10 seconds' where id = $1`, [
      s.sid,
    ]);
    const beforeRefresh = await lastUsed(s.sid);
    const rotated = await refresh(s.refreshToken);
    expect(rotated.status).toBe(200);
    // A refresh stays in its session.
    expect(TestApp.sessionOf(rotated.body.accessToken)).toBe(s.sid);
    expect((await lastUsed(s.sid))!.getTime()).toBeGreaterThan(beforeRefresh!.getTime());
  });

  it('keeps a session alive for 30 days after sign-in, and after each refresh for 30 days after it', async () => {
    const DAYS_30 = 30 * 24 * 3600 * 1000;
    const expiry = async (sid: string): Promise<number> =>
      (
        (await ctx.t.db.query('select expires_at from session where id = $1', [sid])).rows[0]
          .expires_at as Date
      ).getTime();
    const user = await organizer();
    const before = Date.now();
    const s = await signIn(user.email);
    const after = Date.now();
    // Within a minute of now + 30 days.
    expect(await expiry(s.sid)).toBeGreaterThanOrEqual(before + DAYS_30 - 60_000);
    expect(await expiry(s.sid)).toBeLessThanOrEqual(after + DAYS_30 + 60_000);

    // Ten days on: the session and its refresh token have 20 days left.
    await ctx.t.db.query(`update session set expires_at = expires_at - interval '10 days' where id = $1`, [
      s.sid,
    ]);
    await ctx.t.db.query(
      `update refresh_token set expires_at = expires_at - interval '10 days' where session_id = $1`,
      [s.sid],
    );
    expect(await expiry(s.sid)).toBeLessThan(Date.now() + DAYS_30 - 9 * 24 * 3600 * 1000);
    const beforeRefresh = Date.now();
    const rotated = await refresh(s.refreshToken);
    const afterRefresh = Date.now();
    expect(rotated.status).toBe(200);
    // The refresh moves it to 30 days after the refresh, and the new token lasts as long.
    const moved = await expiry(s.sid);
    expect(moved).toBeGreaterThanOrEqual(beforeRefresh + DAYS_30 - 60_000);
    expect(moved).toBeLessThanOrEqual(afterRefresh + DAYS_30 + 60_000);
    const { rows } = await ctx.t.db.query(
      'select expires_at from refresh_token where session_id = $1 and revoked_at is null',
      [s.sid],
    );
    expect(rows.map((r: { expires_at: Date }) => r.expires_at.getTime())).toEqual([moved]);
  });

  it('endSession stops that session’s access token on its very next request, and its refresh token', async () => {
    const user = await organizer();
    const kept = await signIn(user.email);
    const lost = await signIn(user.email);
    expect((await me(lost.accessToken)).data?.me.id).toBe(user.id);

    const res = await ctx.t.gql(kept.accessToken, 'mutation($id: ID!) { endSession(id: $id) }', {
      id: lost.sid,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ endSession: true });

    // The access token is still unexpired, yet refused at once.
    const after = await me(lost.accessToken);
    expect(codeOf(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.data).toBeNull();
    expect((await refresh(lost.refreshToken)).status).toBe(401);
    expect((await me(kept.accessToken)).data?.me.id).toBe(user.id);
    expect((await mySessions(kept.accessToken)).map((s) => s.id)).toEqual([kept.sid]);

    // Ended already, another user's, unknown, malformed.
    const again = await ctx.t.gql(kept.accessToken, 'mutation($id: ID!) { endSession(id: $id) }', {
      id: lost.sid,
    });
    expect(codeOf(again)).toEqual(['NOT_FOUND']);
    const other = await signIn((await organizer()).email);
    const foreign = await ctx.t.gql(kept.accessToken, 'mutation($id: ID!) { endSession(id: $id) }', {
      id: other.sid,
    });
    expect(codeOf(foreign)).toEqual(['NOT_FOUND']);
    expect((await me(other.accessToken)).data?.me.id).toBeDefined();
    const unknown = await ctx.t.gql(kept.accessToken, 'mutation($id: ID!) { endSession(id: $id) }', {
      id: randomUUID(),
    });
    expect(unknown.errors?.[0].message).toBe(foreign.errors?.[0].message);
    const bad = await ctx.t.gql(kept.accessToken, 'mutation { endSession(id: "nope") }');
    expect(codeOf(bad)).toEqual(['BAD_USER_INPUT']);

    // Audited as the user's own event, with no local and nothing but the session's id.
    const { rows } = await ctx.t.db.query(
      `select local_id, target_type, target_id, detail from audit_event where action = 'session.end' and actor_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ local_id: null, target_type: 'Session', target_id: lost.sid, detail: null }]);

    // A session can end itself: the next request is refused.
    await ctx.t.gql(kept.accessToken, 'mutation($id: ID!) { endSession(id: $id) }', { id: kept.sid });
    expect(codeOf(await me(kept.accessToken))).toEqual(['UNAUTHENTICATED']);
  });

  it('endOtherSessions keeps the current session and returns how many it ended', async () => {
    const user = await organizer();
    const [current, a, b] = [await signIn(user.email), await signIn(user.email), await signIn(user.email)];
    const res = await ctx.t.gql(current.accessToken, 'mutation { endOtherSessions }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ endOtherSessions: 2 });
    for (const s of [a, b]) {
      expect(codeOf(await me(s.accessToken))).toEqual(['UNAUTHENTICATED']);
      expect((await refresh(s.refreshToken)).status).toBe(401);
    }
    expect((await me(current.accessToken)).data?.me.id).toBe(user.id);
    expect((await refresh(current.refreshToken)).status).toBe(200);
    expect((await ctx.t.gql(current.accessToken, 'mutation { endOtherSessions }')).data).toEqual({
      endOtherSessions: 0,
    });
  });

  it('logout ends the session: its access token stops working at once', async () => {
    const user = await organizer();
    const s = await signIn(user.email);
    expect((await me(s.accessToken)).data?.me.id).toBe(user.id);
    expect((await ctx.t.http().post('/auth/logout').send({ refreshToken: s.refreshToken })).status).toBe(204);
    expect(codeOf(await me(s.accessToken))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an access token without a live session of its own user as UNAUTHENTICATED', async () => {
    const user = await organizer();
    const sign = (claims: object) =>
      new JwtService({ secret: TEST_JWT_SECRET }).sign(claims, { algorithm: 'HS256', expiresIn: 900 });
    const theirs = await makeSession(ctx.t.db, ctx.w.own.users.LOCAL_ADMIN.id);
    const expired = await makeSession(ctx.t.db, user.id);
    await ctx.t.db.query(`update session set expires_at = now() - interval '1 second' where id = $1`, [
      expired,
    ]);
    for (const token of [
      sign({ sub: user.id, typ: 'access' }), // issued before sessions existed
      sign({ sub: user.id, sid: randomUUID(), typ: 'access' }),
      sign({ sub: user.id, sid: 'not-a-uuid', typ: 'access' }),
      sign({ sub: user.id, sid: theirs, typ: 'access' }), // another user's live session
      sign({ sub: user.id, sid: expired, typ: 'access' }),
    ]) {
      const res = await me(token);
      expect(codeOf(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeNull();
    }
    expect(
      (await me(sign({ sub: user.id, sid: await makeSession(ctx.t.db, user.id), typ: 'access' }))).data,
    ).toEqual({ me: { id: user.id } });
  });

  describe('endUserSessions: a lost or seized phone', () => {
    const end = (token: string | null, localId: string, userId: string) =>
      ctx.t.gql(token, 'mutation($l: ID!, $u: ID!) { endUserSessions(localId: $l, userId: $u) }', {
        l: localId,
        u: userId,
      });

    it('lets the LOCAL_ADMIN end every session of a user of the local, audited in its log without personal data', async () => {
      const { w, t } = ctx;
      const user = await organizer();
      const phone = await signIn(user.email);
      const laptop = await signIn(user.email);
      const res = await end(w.own.users.LOCAL_ADMIN.token, w.own.id, user.id);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ endUserSessions: 2 });
      for (const s of [phone, laptop]) {
        expect(codeOf(await me(s.accessToken))).toEqual(['UNAUTHENTICATED']);
        expect((await refresh(s.refreshToken)).status).toBe(401);
      }
      // Signing in again works: the account is not locked, only its sessions ended.
      expect((await me((await signIn(user.email)).accessToken)).data?.me.id).toBe(user.id);

      const log = await t.gql<{
        auditEvents: { nodes: { action: string; targetType: string; targetId: string }[] };
      }>(
        w.own.users.LOCAL_ADMIN.token,
        'query($l: ID!) { auditEvents(localId: $l, first: 5) { nodes { action targetType targetId } } }',
        { l: w.own.id },
      );
      expect(log.data?.auditEvents.nodes[0]).toEqual({
        action: 'session.end_user',
        targetType: 'User',
        targetId: user.id,
      });
      const { rows } = await t.db.query(
        `select row_to_json(e)::text as row from audit_event e where action = 'session.end_user' and target_id = $1`,
        [user.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].row).not.toContain(user.email);
      expect(rows[0].row).not.toContain('test-agent');
    });

    it('refuses every other role with FORBIDDEN, and ends nothing', async () => {
      const { w } = ctx;
      const user = await organizer();
      const s = await signIn(user.email);
      for (const role of [Role.ORGANIZER, Role.STEWARD, Role.BOARD_MEMBER]) {
        const res = await end(w.own.users[role].token, w.own.id, user.id);
        expect(codeOf(res)).toEqual(['FORBIDDEN']);
        expect(res.data).toBeNull();
      }
      // The other local's admin, and the platform admin, hold no admin role here.
      expect(codeOf(await end(w.other.users.LOCAL_ADMIN.token, w.own.id, user.id))).toEqual(['FORBIDDEN']);
      expect(codeOf(await end(w.platformAdmin.token, w.own.id, user.id))).toEqual(['FORBIDDEN']);
      expect(codeOf(await end(null, w.own.id, user.id))).toEqual(['UNAUTHENTICATED']);
      expect((await me(s.accessToken)).data?.me.id).toBe(user.id);
    });

    it('answers NOT_FOUND for a user of another local or of none, and ends nothing', async () => {
      const { w, t } = ctx;
      const elsewhere = await makeUser(t.db);
      await grant(t.db, w.other.id, elsewhere.id, Role.ORGANIZER);
      const s = await signIn(elsewhere.email);
      const res = await end(w.own.users.LOCAL_ADMIN.token, w.own.id, elsewhere.id);
      expect(codeOf(res)).toEqual(['NOT_FOUND']);
      expect((await me(s.accessToken)).data?.me.id).toBe(elsewhere.id);

      const unknown = await end(w.own.users.LOCAL_ADMIN.token, w.own.id, randomUUID());
      expect(codeOf(unknown)).toEqual(['NOT_FOUND']);
      expect(unknown.errors?.[0].message).toBe(res.errors?.[0].message);
      expect(codeOf(await end(w.own.users.LOCAL_ADMIN.token, w.own.id, w.nobody.id))).toEqual(['NOT_FOUND']);
      expect(codeOf(await end(w.own.users.LOCAL_ADMIN.token, w.own.id, 'nope'))).toEqual(['BAD_USER_INPUT']);
    });
  });
});

describe('sessions: the migration from refresh-token families', () => {
  it('makes each family one session, so a live refresh token keeps working in it', async () => {
    const db = await createEmptyDatabase();
    const before = MIGRATIONS.findIndex((m) => m === Sessions1796100000000);
    const migrate = async (migrations: typeof MIGRATIONS) => {
      const ds = new DataSource({ ...dataSourceOptions({ url: db.url, poolSize: 1 }), migrations });
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
      } finally {
        await ds.destroy();
      }
    };
    let t: TestApp | undefined;
    try {
      await migrate(MIGRATIONS.slice(0, before));
      const owner = new Pool({ connectionString: db.url, max: 1 });
      const user = await makeUser(owner);
      const hash = (raw: string) => createHash('sha256').update(raw, 'utf8').digest();
      const token = (raw: string, extra: string) =>
        owner
          .query(
            `insert into refresh_token (user_id, token_hash, expires_at, created_at, revoked_at, replaced_by)
             select $1, $2, ${extra} returning id`,
            [user.id, hash(raw)],
          )
          .then((r) => r.rows[0].id as string);
      // A family rotated twice (a → b → c, c live), and a token that was logged out.
      const c = await token('c', `now() + interval '29 days', now() - interval '1 day', null, null`);
      const b = await token(
        'b',
        `now() + interval '28 days', now() - interval '2 days', now() - interval '1 day', '${c}'::uuid`,
      );
      const a = await token(
        'a',
        `now() + interval '27 days', now() - interval '3 days', now() - interval '2 days', '${b}'::uuid`,
      );
      const out = await token(
        'd',
        `now() + interval '20 days', now() - interval '5 days', now() - interval '4 days', null`,
      );
      await owner.end();

      await migrate(MIGRATIONS);
      t = await TestApp.onDatabase(db.url);
      const { rows: tokens } = await t.db.query(
        'select id, session_id from refresh_token order by created_at',
      );
      expect(tokens).toEqual([
        { id: out, session_id: out },
        { id: a, session_id: a },
        { id: b, session_id: a },
        { id: c, session_id: a },
      ]);
      const { rows: sessions } = await t.db.query(
        `select id, ended_at is not null as ended, expires_at > now() + interval '28 days' as expires_with_c
           from session order by created_at`,
      );
      expect(sessions).toEqual([
        { id: out, ended: true, expires_with_c: false },
        { id: a, ended: false, expires_with_c: true },
      ]);

      const refreshed = await t.http().post('/auth/refresh').send({ refreshToken: 'c' });
      expect(refreshed.status).toBe(200);
      expect(TestApp.sessionOf(refreshed.body.accessToken)).toBe(a);
      expect((await t.gql(refreshed.body.accessToken, '{ me { id } }')).data).toEqual({
        me: { id: user.id },
      });
      expect((await t.http().post('/auth/refresh').send({ refreshToken: 'd' })).status).toBe(401);
    } finally {
      await t?.close();
      await dropTestDatabase(db.name);
    }
  });
});
