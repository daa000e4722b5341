import { Client } from 'pg';
import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace, TestApp } from '@juntos/test-support';

const GRANT = `mutation($input: GrantRoleInput!) {
  grantRole(input: $input) { id role workplaces { id } }
}`;
const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id token } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) }`;
const REVOKE = `mutation($id: ID!) { revokeRole(id: $id) }`;
/** What a steward's phone asks for to show "your workplaces". */
const PHONE_ME = `{ me { id roles { id role local { id name } workplaces { id name } } } }`;
const CAP_MESSAGE = 'This account already holds 10 roles: revoke one first.';

/**
 * The two caps that give `me { roles { workplaces } }` a real maximum size: a user holds at most
 * 10 role assignments in all locals together, and a steward's assignment covers at most 50
 * workplaces.
 */
describe('role caps, end to end over HTTP', () => {
  let t: TestApp;
  // Where the grantee already holds roles; `home` is managed by `homeAdmin`.
  let home: string;
  let second: string;
  let third: string;
  let homeAdmin: string;
  // A local where the grantee holds nothing, managed by an admin who cannot see the grantee's
  // other grants: the cap must still count them.
  let other: string;
  let otherAdmin: string;
  let homeSite: string;

  beforeAll(async () => {
    t = await TestApp.create();
    [home, second, third, other] = await Promise.all([
      makeLocal(t.db),
      makeLocal(t.db),
      makeLocal(t.db),
      makeLocal(t.db),
    ]);
    homeSite = await makeWorkplace(t.db, home);
    const a = await makeUser(t.db);
    await grant(t.db, home, a.id, Role.LOCAL_ADMIN);
    homeAdmin = t.tokenFor(a.id);
    const b = await makeUser(t.db);
    await grant(t.db, other, b.id, Role.LOCAL_ADMIN);
    otherAdmin = t.tokenFor(b.id);
  });
  afterAll(() => t.close());

  const ALL_ROLES = [Role.LOCAL_ADMIN, Role.ORGANIZER, Role.STEWARD, Role.BOARD_MEMBER];

  /** A user holding `n` (at most 10) grants: every role in `home` and `second`, then some in `third`. */
  async function userWithGrants(n: number): Promise<{ id: string; email: string; grants: string[] }> {
    const user = await makeUser(t.db);
    const wanted = [
      ...ALL_ROLES.map((r) => [home, r] as const),
      ...ALL_ROLES.map((r) => [second, r] as const),
      ...ALL_ROLES.map((r) => [third, r] as const),
    ].slice(0, n);
    const grants: string[] = [];
    for (const [local, role] of wanted)
      grants.push(
        await grant(t.db, local, user.id, role, role === Role.STEWARD && local === home ? [homeSite] : []),
      );
    return { ...user, grants };
  }

  const held = async (userId: string): Promise<number> =>
    (await t.db.query('select count(*)::int as n from role_assignment where user_id = $1', [userId])).rows[0]
      .n;

  it('refuses an 11th role through grantRole with CONFLICT, counting grants in locals the admin cannot see', async () => {
    const user = await userWithGrants(10);
    const grantsAudited = async () =>
      (
        await t.db.query(
          `select count(*)::int as n from audit_event where action = 'role.grant' and local_id = $1`,
          [other],
        )
      ).rows[0].n;
    const auditedBefore = await grantsAudited();
    const res = await t.gql(otherAdmin, GRANT, {
      input: { localId: other, userId: user.id, role: 'ORGANIZER' },
    });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: CAP_MESSAGE, extensions: { code: 'CONFLICT' } });
    expect(res.data).toBeNull();
    // Nothing half-written: no grant, no audit event.
    expect(await held(user.id)).toBe(10);
    expect(await grantsAudited()).toBe(auditedBefore);
  });

  it('lets a role the user already holds be granted again at 10, a steward with other workplaces', async () => {
    const user = await userWithGrants(10);
    const again = await t.gql<{ grantRole: { id: string } }>(homeAdmin, GRANT, {
      input: { localId: home, userId: user.id, role: 'ORGANIZER' },
    });
    expect(again.errors).toBeUndefined();
    expect(again.data!.grantRole.id).toBe(user.grants[1]);

    const newSite = await makeWorkplace(t.db, home);
    const steward = await t.gql(homeAdmin, GRANT, {
      input: { localId: home, userId: user.id, role: 'STEWARD', workplaceIds: [newSite] },
    });
    expect(steward.errors).toBeUndefined();
    expect(steward.data).toEqual({
      grantRole: { id: user.grants[2], role: 'STEWARD', workplaces: [{ id: newSite }] },
    });
    expect(await held(user.id)).toBe(10);
  });

  it('refuses an 11th role through the signed-in acceptInvitation, and keeps the invitation for later', async () => {
    const user = await userWithGrants(10);
    const invited = await t.gql<{ createInvitation: { id: string; token: string } }>(otherAdmin, INVITE, {
      input: { localId: other, email: user.email, role: 'BOARD_MEMBER' },
    });
    expect(invited.errors).toBeUndefined();
    const { id: invitationId, token } = invited.data!.createInvitation;
    const session = t.tokenFor(user.id);

    const refused = await t.gql(session, ACCEPT, { token });
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]).toMatchObject({ message: CAP_MESSAGE, extensions: { code: 'CONFLICT' } });
    expect(refused.data).toBeNull();
    expect(await held(user.id)).toBe(10);
    const kept = await t.db.query('select accepted_at from invitation where id = $1', [invitationId]);
    expect(kept.rows).toEqual([{ accepted_at: null }]);
    const accepts = await t.db.query(
      `select count(*)::int as n from audit_event where action = 'invitation.accept' and target_id = $1`,
      [invitationId],
    );
    expect(accepts.rows[0].n).toBe(0);

    // Once a role is revoked, the same invitation is accepted.
    expect((await t.gql(homeAdmin, REVOKE, { id: user.grants[3] })).data).toEqual({ revokeRole: true });
    expect((await t.gql(session, ACCEPT, { token })).data).toEqual({ acceptInvitation: true });
    const roles = await t.db.query('select role from role_assignment where user_id = $1 and local_id = $2', [
      user.id,
      other,
    ]);
    expect(roles.rows).toEqual([{ role: 'BOARD_MEMBER' }]);
    expect(await held(user.id)).toBe(10);
  });

  it('lets one of two simultaneous grants in different locals take the 10th place', async () => {
    // 9: every role in home and second but home's BOARD_MEMBER, and two in third.
    const user = await makeUser(t.db);
    for (const r of ALL_ROLES.slice(0, 3)) await grant(t.db, home, user.id, r);
    for (const r of ALL_ROLES) await grant(t.db, second, user.id, r);
    for (const r of ALL_ROLES.slice(0, 2)) await grant(t.db, third, user.id, r);
    expect(await held(user.id)).toBe(9);

    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        t.gql(homeAdmin, GRANT, { input: { localId: home, userId: user.id, role: 'BOARD_MEMBER' } }),
        t.gql(otherAdmin, GRANT, { input: { localId: other, userId: user.id, role: 'ORGANIZER' } }),
      ]);
      expect(results.filter((r) => r.data?.grantRole)).toHaveLength(1);
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([
        expect.objectContaining({ message: CAP_MESSAGE, extensions: { code: 'CONFLICT' } }),
      ]);
      expect(await held(user.id)).toBe(10);
      // Back to 9 for the next round.
      await t.db.query(
        `delete from role_assignment where user_id = $1 and ((local_id = $2 and role = 'BOARD_MEMBER') or local_id = $3)`,
        [user.id, home, other],
      );
    }
  });

  it("counts in the database as the API's role, and gives the request its own app.user_id back", async () => {
    const user = await userWithGrants(10);
    const viewer = await makeUser(t.db);
    // As the API connects: row-level security on, scoped to `other` where the user holds nothing.
    const api = new Client({ connectionString: t.env.DATABASE_URL });
    await api.connect();
    try {
      await api.query('begin');
      await api.query(`select set_config('app.user_id', $1, true), set_config('app.local_ids', $2, true)`, [
        viewer.id,
        `{${other}}`,
      ]);
      expect(
        (await api.query('select count(*)::int as n from role_assignment where user_id = $1', [user.id]))
          .rows,
      ).toEqual([{ n: 0 }]);
      await api.query('savepoint over');
      await expect(
        api.query(`insert into role_assignment (local_id, user_id, role) values ($1, $2, 'ORGANIZER')`, [
          other,
          user.id,
        ]),
      ).rejects.toMatchObject({ code: 'JU010' });
      await api.query('rollback to savepoint over');
      // A grant under the cap leaves the caller's settings as they were.
      const below = await makeUser(t.db);
      await api.query(`insert into role_assignment (local_id, user_id, role) values ($1, $2, 'ORGANIZER')`, [
        other,
        below.id,
      ]);
      expect(
        (
          await api.query(
            `select current_setting('app.user_id', true) as user_id, current_setting('app.local_ids', true) as local_ids`,
          )
        ).rows,
      ).toEqual([{ user_id: viewer.id, local_ids: `{${other}}` }]);
    } finally {
      await api.query('rollback').catch(() => undefined);
      await api.end();
    }
  });

  it("refuses 51 workplaces for a steward's assignment with BAD_USER_INPUT naming workplaceIds", async () => {
    const user = await makeUser(t.db);
    const sites: string[] = [];
    for (let i = 0; i < 51; i++) sites.push(await makeWorkplace(t.db, home));

    const granted = await t.gql(homeAdmin, GRANT, {
      input: { localId: home, userId: user.id, role: 'STEWARD', workplaceIds: sites },
    });
    const invited = await t.gql(homeAdmin, INVITE, {
      input: { localId: home, email: 'many-sites@example.org', role: 'STEWARD', workplaceIds: sites },
    });
    for (const res of [granted, invited]) {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workplaceIds' });
      expect(res.errors![0].message).toBe(
        "workplaceIds lists at most 50 workplaces: a steward's assignment covers no more.",
      );
      expect(res.data).toBeNull();
    }
    expect(await held(user.id)).toBe(0);
    const invitations = await t.db.query(
      `select count(*)::int as n from invitation where email = 'many-sites@example.org'`,
    );
    expect(invitations.rows[0].n).toBe(0);

    // 50 is the cap, not over it.
    const fifty = await t.gql<{ grantRole: { workplaces: unknown[] } }>(homeAdmin, GRANT, {
      input: { localId: home, userId: user.id, role: 'STEWARD', workplaceIds: sites.slice(0, 50) },
    });
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data!.grantRole.workplaces).toHaveLength(50);
  });

  it("answers a steward's phone asking for all its roles and workplaces at both caps", async () => {
    const user = await userWithGrants(10);
    const sites: string[] = [];
    for (let i = 0; i < 50; i++) sites.push(await makeWorkplace(t.db, home));
    const steward = await t.gql(homeAdmin, GRANT, {
      input: { localId: home, userId: user.id, role: 'STEWARD', workplaceIds: sites },
    });
    expect(steward.errors).toBeUndefined();

    const me = await t.gql<{ me: { roles: { role: string; workplaces: unknown[] }[] } }>(
      t.tokenFor(user.id),
      PHONE_ME,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.roles).toHaveLength(10);
    expect(me.data!.me.roles.find((r) => r.role === 'STEWARD' && r.workplaces.length === 50)).toBeDefined();
  });
});
