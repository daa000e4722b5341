import { makeUser, makeWorkplace, TEST_PASSWORD, TestApp } from '@juntos/test-support';

const INVITE = `mutation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id email role token expiresAt local { id name } }
}`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) }`;
const ME = `{ me { id email displayName isPlatformAdmin roles { id role local { id } workplaces { id name } } } }`;

describe('invitations and roles, end to end over HTTP', () => {
  let t: TestApp;
  let platformToken: string;
  let platformEmail: string;

  beforeAll(async () => {
    // Each call comes from its own address unless a test says otherwise: the per-address limit
    // is a test of its own.
    t = await TestApp.create({ TRUST_PROXY: 'true' });
    const pa = await makeUser(t.db, { platformAdmin: true });
    platformEmail = pa.email;
    platformToken = (await t.http().post('/auth/login').send({ email: pa.email, password: TEST_PASSWORD }))
      .body.accessToken;
  });
  afterAll(() => t.close());

  let ipSeq = 0;
  const accept = (token: string, password: string, displayName = 'Someone') =>
    t
      .http()
      .post('/auth/accept-invitation')
      .set('x-forwarded-for', `10.8.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`)
      .send({ token, password, displayName });

  it('seats a local from platform admin to local admin to organizer, steward and board member', async () => {
    const created = await t.gql<{ createLocal: { id: string } }>(
      platformToken,
      'mutation { createLocal(input: { name: "Tenants of 55 Elm", kind: TENANT_UNION }) { id name kind } }',
    );
    const localId = created.data!.createLocal.id;

    // The platform admin seats the first LOCAL_ADMIN, yet holds no role in the local.
    const adminInvite = await t.gql<{
      createInvitation: { token: string; email: string; local: { id: string } };
    }>(platformToken, INVITE, {
      input: { localId, email: 'Rosa@Example.org', role: 'LOCAL_ADMIN' },
    });
    expect(adminInvite.errors).toBeUndefined();
    expect(adminInvite.data!.createInvitation).toMatchObject({
      email: 'rosa@example.org',
      local: { id: localId },
    });
    const adminToken = adminInvite.data!.createInvitation.token;
    expect(adminToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is kept.
    const { rows } = await t.db.query('select token_hash from invitation');
    expect(JSON.stringify(rows)).not.toContain(adminToken);

    const rosa = await accept(adminToken, 'the tenants united will never be defeated', 'Rosa');
    expect(rosa.status).toBe(200);
    const rosaToken = rosa.body.accessToken as string;
    const rosaMe = await t.gql<{ me: { roles: { role: string; local: { id: string } }[] } }>(rosaToken, ME);
    expect(rosaMe.errors).toBeUndefined();
    expect(rosaMe.data!.me.roles).toEqual([
      expect.objectContaining({ role: 'LOCAL_ADMIN', local: { id: localId } }),
    ]);

    // The local admin invites the rest; the steward is assigned one building.
    const building = await makeWorkplace(t.db, localId, { name: '55 Elm St' });
    const invites: Record<string, string> = {};
    for (const [role, email, workplaceIds] of [
      ['ORGANIZER', 'olu@example.org', undefined],
      ['STEWARD', 'sam@example.org', [building]],
      ['BOARD_MEMBER', 'bea@example.org', undefined],
    ] as const) {
      const res = await t.gql<{ createInvitation: { token: string } }>(rosaToken, INVITE, {
        input: { localId, email, role, workplaceIds },
      });
      expect(res.errors).toBeUndefined();
      invites[role] = res.data!.createInvitation.token;
    }
    for (const [role, token] of Object.entries(invites)) {
      const res = await accept(token, `a solid passphrase for ${role.toLowerCase()}`, role);
      expect(res.status).toBe(200);
      const me = await t.gql<{ me: { roles: { role: string; workplaces: { name: string }[] }[] } }>(
        res.body.accessToken,
        ME,
      );
      expect(me.data!.me.roles).toEqual([
        expect.objectContaining({
          role,
          workplaces: role === 'STEWARD' ? [{ id: building, name: '55 Elm St' }] : [],
        }),
      ]);
    }

    const audit = await t.gql<{ auditEvents: { nodes: { action: string }[] } }>(
      rosaToken,
      `query($l: ID!) { auditEvents(localId: $l) { nodes { action } } }`,
      { l: localId },
    );
    expect(audit.data!.auditEvents.nodes.map((n) => n.action)).toEqual(
      expect.arrayContaining(['local.create', 'invitation.create', 'invitation.accept', 'role.grant']),
    );
  });

  describe('in a seated local', () => {
    let localId: string;
    let adminToken: string;
    let adminId: string;

    beforeAll(async () => {
      localId = (
        await t.gql<{ createLocal: { id: string } }>(
          platformToken,
          'mutation { createLocal(input: { name: "Local 7", kind: UNION_LOCAL }) { id } }',
        )
      ).data!.createLocal.id;
      const inv = await t.gql<{ createInvitation: { token: string } }>(platformToken, INVITE, {
        input: { localId, email: 'admin7@example.org', role: 'LOCAL_ADMIN' },
      });
      const res = await accept(inv.data!.createInvitation.token, 'local seven admin passphrase');
      adminToken = res.body.accessToken;
      adminId = (await t.gql<{ me: { id: string } }>(adminToken, '{ me { id } }')).data!.me.id;
    });

    const invite = async (email: string, role = 'ORGANIZER') =>
      (
        await t.gql<{ createInvitation: { token: string } }>(adminToken, INVITE, {
          input: { localId, email, role },
        })
      ).data!.createInvitation.token;

    it('uses an invitation once', async () => {
      const token = await invite('once@example.org');
      expect((await accept(token, 'first use of this invitation')).status).toBe(200);
      const again = await accept(token, 'first use of this invitation');
      expect(again.status).toBe(400);
      expect(again.body.message).toMatch(/invalid, used or expired/);
    });

    it('refuses an expired invitation', async () => {
      const token = await invite('late@example.org');
      await t.db.query(
        `update invitation set expires_at = now() - interval '1 minute' where email = 'late@example.org'`,
      );
      expect((await accept(token, 'too late for this invitation')).status).toBe(400);
    });

    it('refuses a weak password with a message a person understands', async () => {
      const token = await invite('weak@example.org');
      const res = await accept(token, 'short');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Use at least 12 characters. A short sentence works well.');
      // The invitation is still usable with a good password.
      expect((await accept(token, 'a much better passphrase')).status).toBe(200);
    });

    it('does not count a refused weak password toward the token lock: 6 in a row, then a strong one works', async () => {
      const token = await invite('patient@example.org');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await accept(token, 'aaaaaaaaaaaa');
        statuses.push(res.status);
        expect(res.body.message).toBe('Use more different characters: this password repeats too much.');
      }
      // Counted like "invalid, used or expired", the 6th would meet a locked token (429).
      expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
      const strong = await accept(token, 'a steady and much better passphrase');
      expect(strong.body.message).toBeUndefined();
      expect(strong.status).toBe(200);
    });

    it('answers an invitation valid for 7 days', async () => {
      const before = Date.now();
      const res = await t.gql<{ createInvitation: { expiresAt: string } }>(adminToken, INVITE, {
        input: { localId, email: 'week@example.org', role: 'ORGANIZER' },
      });
      const after = Date.now();
      expect(res.errors).toBeUndefined();
      const expiresAt = new Date(res.data!.createInvitation.expiresAt).getTime();
      const week = 7 * 24 * 3600 * 1000;
      // Within a minute of now + 7 days (the bracket is tighter still: the app shares this clock).
      expect(expiresAt).toBeGreaterThanOrEqual(before + week - 60_000);
      expect(expiresAt).toBeLessThanOrEqual(after + week + 60_000);
    });

    it("never checks an existing account's password: it answers as for a spent invitation", async () => {
      const existing = await makeUser(t.db, { email: 'existing@example.org' });
      const token = await invite('existing@example.org', 'BOARD_MEMBER');
      const invalid = await accept('x'.repeat(43), 'not their password at all');
      expect(invalid.status).toBe(400);
      // The right password, a wrong one: both read exactly like an invitation that does not exist.
      for (const password of [TEST_PASSWORD, 'not their password at all']) {
        const res = await accept(token, password);
        expect(res.status).toBe(invalid.status);
        expect(res.body).toEqual(invalid.body);
      }
      expect(invalid.body.message).toMatch(/invalid, used or expired.*sign in/);
      const roles = await t.db.query('select role from role_assignment where user_id = $1', [existing.id]);
      expect(roles.rows).toEqual([]);

      // Signed in as that account, the invitation adds the role.
      const ok = await t.gql(t.tokenFor(existing.id), ACCEPT, { token });
      expect(ok.errors).toBeUndefined();
      expect(ok.data).toEqual({ acceptInvitation: true });
      const after = await t.db.query('select role from role_assignment where user_id = $1', [existing.id]);
      expect(after.rows).toEqual([{ role: 'BOARD_MEMBER' }]);
      const local = await t.gql(t.tokenFor(existing.id), 'query($l: ID!) { local(id: $l) { id } }', {
        l: localId,
      });
      expect(local.data).toEqual({ local: { id: localId } });
      const audit = await t.db.query(
        `select action, actor_id from audit_event where target_type = 'Invitation' and local_id = $1 and action = 'invitation.accept' and actor_id = $2`,
        [localId, existing.id],
      );
      expect(audit.rows).toHaveLength(1);
    });

    it('accepts a signed-in invitation only for the account it was addressed to, and only once', async () => {
      const addressee = await makeUser(t.db);
      const someoneElse = await makeUser(t.db);
      const token = await invite(addressee.email);
      const notYours = await t.gql(t.tokenFor(someoneElse.id), ACCEPT, { token });
      expect(notYours.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect(notYours.data).toBeNull();
      const unknown = await t.gql(t.tokenFor(someoneElse.id), ACCEPT, { token: 'y'.repeat(43) });
      expect(unknown.errors?.[0]).toMatchObject({ message: notYours.errors?.[0].message });
      expect((await t.gql(t.tokenFor(addressee.id), ACCEPT, { token })).data).toEqual({
        acceptInvitation: true,
      });
      const again = await t.gql(t.tokenFor(addressee.id), ACCEPT, { token });
      expect(again.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(null, ACCEPT, { token })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const tooLong = await t.gql(t.tokenFor(addressee.id), ACCEPT, { token: 'z'.repeat(201) });
      expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it("stops a local admin guessing the platform admin's password through an invitation", async () => {
      const pa = await makeUser(t.db, { platformAdmin: true, email: 'root@juntos.example' });
      const token = await invite(pa.email, 'ORGANIZER');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await accept(token, i === 3 ? TEST_PASSWORD : `guess number ${i} for the admin`);
        statuses.push(res.status);
        if (res.status === 400) expect(res.body.message).toMatch(/invalid, used or expired/);
      }
      // Five refusals that say nothing, then the invitation is locked like an account.
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
      // None of it counted against, or locked, the account itself.
      const signIn = await t.http().post('/auth/login').send({ email: pa.email, password: TEST_PASSWORD });
      expect(signIn.status).toBe(200);
    });

    it('counts attempts per address: 30 a minute, shared with sign-in', async () => {
      const ip = '10.77.0.1';
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push(
          (
            await t
              .http()
              .post('/auth/accept-invitation')
              .set('x-forwarded-for', ip)
              .send({ token: `made-up-token-${i}`, password: 'whatever it takes', displayName: 'X' })
          ).status,
        );
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses[30]).toBe(429);
      const login = await t
        .http()
        .post('/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: 'admin7@example.org', password: 'local seven admin passphrase' });
      expect(login.status).toBe(429);
    });

    it('lets one of many simultaneous accepts of an invitation win; the others are refused cleanly', async () => {
      const token = await invite('race@example.org');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => accept(token, `a strong passphrase number ${i}`)),
      );
      // One wins. The others read it as used, or, past 5 of those, as a locked invitation.
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of results.filter((r) => r.status !== 200)) {
        expect([400, 429]).toContain(r.status);
        expect(r.body.message).toMatch(r.status === 400 ? /invalid, used or expired/ : /Try again/);
      }
      const users = await t.db.query(`select id from app_user where email = 'race@example.org'`);
      expect(users.rows).toHaveLength(1);
      const roles = await t.db.query('select role from role_assignment where user_id = $1', [
        users.rows[0].id,
      ]);
      expect(roles.rows).toEqual([{ role: 'ORGANIZER' }]);
      const accepted = await t.db.query(
        `select count(*)::int as n from audit_event where action = 'invitation.accept' and actor_id = $1`,
        [users.rows[0].id],
      );
      expect(accepted.rows[0].n).toBe(1);
    });

    it('lets one of many simultaneous signed-in accepts win', async () => {
      const user = await makeUser(t.db);
      const token = await invite(user.email, 'BOARD_MEMBER');
      const results = await Promise.all(
        Array.from({ length: 8 }, () => t.gql(t.tokenFor(user.id), ACCEPT, { token })),
      );
      expect(results.filter((r) => r.data?.acceptInvitation === true)).toHaveLength(1);
      expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions.code)).toEqual(
        Array(7).fill('NOT_FOUND'),
      );
      const roles = await t.db.query('select role from role_assignment where user_id = $1', [user.id]);
      expect(roles.rows).toEqual([{ role: 'BOARD_MEMBER' }]);
    });

    it('creates one account when two invitations to one new email are accepted at once', async () => {
      const first = await invite('twice@example.org', 'ORGANIZER');
      const second = await invite('twice@example.org', 'BOARD_MEMBER');
      const results = await Promise.all([
        accept(first, 'the first strong passphrase'),
        accept(second, 'the second strong passphrase'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
      const users = await t.db.query(`select id from app_user where email = 'twice@example.org'`);
      expect(users.rows).toHaveLength(1);
      const roles = await t.db.query('select count(*)::int as n from role_assignment where user_id = $1', [
        users.rows[0].id,
      ]);
      expect(roles.rows[0].n).toBe(1);
    });

    it('takes a role change on the very next request, with no new token', async () => {
      const token = await invite('changing@example.org');
      const session = (await accept(token, 'organizer until revoked')).body.accessToken;
      const me = await t.gql<{ me: { roles: { id: string }[] } }>(session, ME);
      const assignmentId = me.data!.me.roles[0].id;
      expect((await t.gql(session, 'query($l: ID!) { local(id: $l) { id } }', { l: localId })).data).toEqual({
        local: { id: localId },
      });

      const revoked = await t.gql(adminToken, 'mutation($id: ID!) { revokeRole(id: $id) }', {
        id: assignmentId,
      });
      expect(revoked.data).toEqual({ revokeRole: true });
      expect((await t.gql(session, 'query($l: ID!) { local(id: $l) { id } }', { l: localId })).data).toEqual({
        local: null,
      });
    });

    it('refuses to revoke the last LOCAL_ADMIN with CONFLICT', async () => {
      const mine = await t.db.query(`select id from role_assignment where user_id = $1 and local_id = $2`, [
        adminId,
        localId,
      ]);
      const res = await t.gql(adminToken, 'mutation($id: ID!) { revokeRole(id: $id) }', {
        id: mine.rows[0].id,
      });
      expect(res.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/last LOCAL_ADMIN/);
    });

    it('grants a steward role with workplaces of the local only', async () => {
      const user = await makeUser(t.db);
      const site = await makeWorkplace(t.db, localId);
      const foreignLocal = (
        await t.gql<{ createLocal: { id: string } }>(
          platformToken,
          'mutation { createLocal(input: { name: "Elsewhere", kind: UNION_LOCAL }) { id } }',
        )
      ).data!.createLocal.id;
      const foreignSite = await makeWorkplace(t.db, foreignLocal);
      const GRANT =
        'mutation($input: GrantRoleInput!) { grantRole(input: $input) { role user { id } local { id } workplaces { id } } }';

      const bad = await t.gql(adminToken, GRANT, {
        input: { localId, userId: user.id, role: 'STEWARD', workplaceIds: [site, foreignSite] },
      });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceIds' });
      const notSteward = await t.gql(adminToken, GRANT, {
        input: { localId, userId: user.id, role: 'ORGANIZER', workplaceIds: [site] },
      });
      expect(notSteward.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

      const ok = await t.gql(adminToken, GRANT, {
        input: { localId, userId: user.id, role: 'STEWARD', workplaceIds: [site] },
      });
      expect(ok.data).toEqual({
        grantRole: {
          role: 'STEWARD',
          user: { id: user.id },
          local: { id: localId },
          workplaces: [{ id: site }],
        },
      });
      const { rows } = await t.db.query(
        `select count(*)::int as n from audit_event where action = 'role.grant' and local_id = $1`,
        [localId],
      );
      expect(rows[0].n).toBeGreaterThan(0);
    });

    it("lets the platform admin invite LOCAL_ADMINs only, never itself, each in the local's audit log", async () => {
      const asPlatform = (email: string, role: string) =>
        t.gql<{ createInvitation: { id: string } }>(platformToken, INVITE, {
          input: { localId, email, role },
        });
      for (const role of ['ORGANIZER', 'STEWARD', 'BOARD_MEMBER']) {
        const res = await asPlatform('someone-new@example.org', role);
        expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect(res.data).toBeNull();
      }
      const self = await asPlatform(platformEmail.toUpperCase(), 'LOCAL_ADMIN');
      expect(self.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(self.errors?.[0].message).toMatch(/own email/);
      const { rows } = await t.db.query(
        `select count(*)::int as n from invitation where email in ('someone-new@example.org', $1)`,
        [platformEmail],
      );
      expect(rows[0].n).toBe(0);

      // Nor can it grant a role directly in a local where it holds none.
      const granted = await t.gql(
        platformToken,
        'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }',
        { input: { localId, userId: adminId, role: 'ORGANIZER' } },
      );
      expect(granted.errors?.[0].extensions.code).toBe('FORBIDDEN');

      const seated = await asPlatform('second-admin@example.org', 'LOCAL_ADMIN');
      expect(seated.errors).toBeUndefined();
      const audit = await t.gql<{
        auditEvents: { nodes: { action: string; targetId: string; actor: { id: string } | null }[] };
      }>(
        adminToken,
        `query($l: ID!) { auditEvents(localId: $l, first: 100) { nodes { action targetId actor { id } } } }`,
        { l: localId },
      );
      expect(audit.errors).toBeUndefined();
      const platformId = (await t.db.query('select id from app_user where email = $1', [platformEmail]))
        .rows[0].id;
      expect(audit.data!.auditEvents.nodes).toContainEqual({
        action: 'invitation.create',
        targetId: seated.data!.createInvitation.id,
        actor: { id: platformId },
      });
    });

    it("keeps a LOCAL_ADMIN's invitations as they were: any role", async () => {
      for (const role of ['ORGANIZER', 'BOARD_MEMBER', 'LOCAL_ADMIN']) {
        const res = await t.gql(adminToken, INVITE, {
          input: { localId, email: `any-role-${role.toLowerCase()}@example.org`, role },
        });
        expect(res.errors).toBeUndefined();
      }
    });

    it('gives the platform admin no role inside the local it created', async () => {
      const res = await t.gql(platformToken, 'query($l: ID!) { auditEvents(localId: $l) { totalCount } }', {
        l: localId,
      });
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
