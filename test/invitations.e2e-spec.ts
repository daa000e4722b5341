import { makeUser, makeWorkplace, TEST_PASSWORD, TestApp } from '@juntos/testing';

const INVITE = `mutation($input: CreateInvitationInput!) {
  createInvitation(input: $input) { id email role token expiresAt local { id name } }
}`;
const ME = `{ me { id email displayName isPlatformAdmin roles { id role local { id } workplaces { id name } } } }`;

describe('invitations and roles, end to end over HTTP', () => {
  let t: TestApp;
  let platformToken: string;

  beforeAll(async () => {
    t = await TestApp.create();
    const pa = await makeUser(t.db, { platformAdmin: true });
    platformToken = (await t.http().post('/auth/login').send({ email: pa.email, password: TEST_PASSWORD }))
      .body.accessToken;
  });
  afterAll(() => t.close());

  const accept = (token: string, password: string, displayName = 'Someone') =>
    t.http().post('/auth/accept-invitation').send({ token, password, displayName });

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

    it('adds the role to an existing account only with its password', async () => {
      const existing = await makeUser(t.db, { email: 'existing@example.org' });
      const token = await invite('existing@example.org', 'BOARD_MEMBER');
      expect((await accept(token, 'not their password at all')).status).toBe(401);
      const ok = await accept(token, TEST_PASSWORD);
      expect(ok.status).toBe(200);
      const { rows } = await t.db.query('select role from role_assignment where user_id = $1', [existing.id]);
      expect(rows).toEqual([{ role: 'BOARD_MEMBER' }]);
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

    it('gives the platform admin no role inside the local it created', async () => {
      const res = await t.gql(platformToken, 'query($l: ID!) { auditEvents(localId: $l) { totalCount } }', {
        l: localId,
      });
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
