import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace, TestApp, useWorld } from '@juntos/test-support';

const PEOPLE = `query($l: ID!, $first: Int, $after: String) {
  roleAssignments(localId: $l, first: $first, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id role createdAt user { id displayName email } workplaces { id name } }
  }
}`;
const PENDING = `query($l: ID!) { pendingInvitations(localId: $l) { id email role token expiresAt local { id } } }`;
const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id token } }`;
const LOG = `query($l: ID!, $action: String, $first: Int, $after: String) {
  auditEvents(localId: $l, action: $action, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { action }
  }
}`;

interface Person {
  id: string;
  role: string;
  createdAt: string;
  user: { id: string; displayName: string; email: string };
  workplaces: { id: string; name: string }[];
}
interface People {
  roleAssignments: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: Person[];
  };
}
interface Pending {
  pendingInvitations: { id: string; email: string; role: string; token: string | null; expiresAt: string }[];
}
interface Log {
  auditEvents: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: { action: string }[];
  };
}

/** Every page of a connection, `first` at a time, following endCursor to the end. */
async function allPages<T extends { pageInfo: { endCursor: string | null; hasNextPage: boolean } }>(
  fetch: (after: string | null) => Promise<T>,
): Promise<T[]> {
  const pages: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await fetch(after);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

const ctx = useWorld({ TRUST_PROXY: 'true' });

describe("a local's people and pending invitations (LOCAL_ADMIN)", () => {
  let t: TestApp;
  let localId: string;
  let adminToken: string;
  let elm: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = ctx.t;
    localId = await makeLocal(t.db, 'People local');
    elm = await makeWorkplace(t.db, localId, { name: 'Elm Street depot' });
    const ash = await makeWorkplace(t.db, localId, { name: 'Ash Street depot' });
    const admin = await makeUser(t.db, { displayName: 'Beatriz Admin' });
    ids.admin = await grant(t.db, localId, admin.id, Role.LOCAL_ADMIN);
    adminToken = t.tokenFor(admin.id);
    // Granted, never signed in, never did anything: no audit event names them.
    const quiet = await makeUser(t.db, { displayName: 'Abel Quiet' });
    ids.quiet = await grant(t.db, localId, quiet.id, Role.BOARD_MEMBER);
    const steward = await makeUser(t.db, { displayName: 'Dora Steward' });
    ids.steward = await grant(t.db, localId, steward.id, Role.STEWARD, [elm, ash]);
    // One person, two roles: two rows, in id order.
    const carla = await makeUser(t.db, { displayName: 'Carla Twice' });
    ids.carlaOrganizer = await grant(t.db, localId, carla.id, Role.ORGANIZER);
    ids.carlaBoard = await grant(t.db, localId, carla.id, Role.BOARD_MEMBER);
    const ed = await makeUser(t.db, { displayName: 'Ed Organizer' });
    ids.ed = await grant(t.db, localId, ed.id, Role.ORGANIZER);
  });

  const people = (token: string | null, l: string, first?: number, after?: string | null) =>
    t.gql<People>(token, PEOPLE, { l, first, after });

  it('lists every grant by display name then id, paging to the end', async () => {
    const carla = [ids.carlaOrganizer, ids.carlaBoard].sort();
    const expected = [ids.quiet, ids.admin, ...carla, ids.steward, ids.ed];
    const pages = await allPages(async (after) => {
      const res = await people(adminToken, localId, 2, after);
      expect(res.errors).toBeUndefined();
      return res.data!.roleAssignments;
    });
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.totalCount)).toEqual([6, 6, 6]);
    expect(pages.map((p) => p.nodes.length)).toEqual([2, 2, 2]);
    expect(pages[2].pageInfo.hasNextPage).toBe(false);
    const nodes = pages.flatMap((p) => p.nodes);
    expect(nodes.map((n) => n.id)).toEqual(expected);
    expect(nodes.map((n) => n.user.displayName)).toEqual([
      'Abel Quiet',
      'Beatriz Admin',
      'Carla Twice',
      'Carla Twice',
      'Dora Steward',
      'Ed Organizer',
    ]);
    expect(nodes[0]).toMatchObject({
      role: 'BOARD_MEMBER',
      workplaces: [],
      user: { email: expect.any(String) },
    });
    expect(new Date(nodes[0].createdAt).getTime()).not.toBeNaN();

    // One page of everything says the same.
    const whole = await people(adminToken, localId);
    expect(whole.data!.roleAssignments.nodes.map((n) => n.id)).toEqual(expected);
    expect(whole.data!.roleAssignments.pageInfo.hasNextPage).toBe(false);
  });

  it("lists a steward's workplaces, by name", async () => {
    const res = await people(adminToken, localId);
    const steward = res.data!.roleAssignments.nodes.find((n) => n.id === ids.steward)!;
    expect(steward.role).toBe('STEWARD');
    expect(steward.workplaces.map((w) => w.name)).toEqual(['Ash Street depot', 'Elm Street depot']);
  });

  it('refuses a bad page size or a forged cursor', async () => {
    const big = await people(adminToken, localId, 0);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await people(adminToken, localId, 2, 'not-a-cursor');
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("never lists another local's people: FORBIDDEN, as for every non-admin", async () => {
    const { w } = ctx;
    // The world's own admin asking for this local, and this local's admin asking for the world's.
    for (const [token, l] of [
      [w.own.users.LOCAL_ADMIN.token, localId],
      [adminToken, w.own.id],
      [w.own.users.ORGANIZER.token, w.own.id],
      [w.own.users.STEWARD.token, w.own.id],
      [w.own.users.BOARD_MEMBER.token, w.own.id],
      [w.platformAdmin.token, localId],
      [w.nobody.token, localId],
    ] as const) {
      const list = await people(token, l);
      expect(list.data).toBeNull();
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const pending = await t.gql<Pending>(token, PENDING, { l });
      expect(pending.data).toBeNull();
      expect(pending.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await people(null, localId);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a pending invitation, without its token, until it is accepted', async () => {
    const invited = await t.gql<{ createInvitation: { id: string; token: string } }>(adminToken, INVITE, {
      input: { localId, email: 'fran@example.org', role: 'STEWARD', workplaceIds: [elm] },
    });
    expect(invited.errors).toBeUndefined();
    const { id, token } = invited.data!.createInvitation;
    // Expired and accepted invitations are not pending.
    await t.db.query(
      `insert into invitation (local_id, email, role, token_hash, expires_at)
       values ($1, 'old@example.org', 'ORGANIZER', sha256('old'), now() - interval '1 minute')`,
      [localId],
    );
    await t.db.query(
      `insert into invitation (local_id, email, role, token_hash, expires_at, accepted_at)
       values ($1, 'done@example.org', 'ORGANIZER', sha256('done'), now() + interval '1 day', now())`,
      [localId],
    );

    const pending = await t.gql<Pending>(adminToken, PENDING, { l: localId });
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.pendingInvitations).toEqual([
      {
        id,
        email: 'fran@example.org',
        role: 'STEWARD',
        token: null,
        expiresAt: expect.any(String),
        local: { id: localId },
      },
    ]);
    expect(JSON.stringify(pending.body)).not.toContain(token);

    const accepted = await t
      .http()
      .post('/auth/accept-invitation')
      .set('x-forwarded-for', '10.77.0.1')
      .send({ token, password: 'the depot stands together every shift', displayName: 'Fran Newcomer' });
    expect(accepted.status).toBe(200);

    const after = await t.gql<Pending>(adminToken, PENDING, { l: localId });
    expect(after.data!.pendingInvitations).toEqual([]);
    const list = await people(adminToken, localId);
    const fran = list.data!.roleAssignments.nodes.find((n) => n.user.displayName === 'Fran Newcomer')!;
    expect(fran).toMatchObject({
      role: 'STEWARD',
      user: { email: 'fran@example.org' },
      workplaces: [{ id: elm }],
    });
    expect(list.data!.roleAssignments.totalCount).toBe(7);
  });
});

describe('the audit log filtered by action, in SQL', () => {
  let localId: string;
  let adminToken: string;

  beforeAll(async () => {
    const { t } = ctx;
    localId = await makeLocal(t.db, 'Audit filter local');
    const admin = await makeUser(t.db, { displayName: 'Filter Admin' });
    await grant(t.db, localId, admin.id, Role.LOCAL_ADMIN);
    adminToken = t.tokenFor(admin.id);
    // Three role grants, two invitations and a workplace, through the API so each is audited.
    for (let i = 0; i < 3; i++) {
      const u = await makeUser(t.db);
      const res = await t.gql(adminToken, 'mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }', {
        i: { localId, userId: u.id, role: 'BOARD_MEMBER' },
      });
      expect(res.errors).toBeUndefined();
    }
    for (const email of ['a.filter@example.org', 'b.filter@example.org']) {
      const res = await t.gql(adminToken, INVITE, { input: { localId, email, role: 'ORGANIZER' } });
      expect(res.errors).toBeUndefined();
    }
    const wp = await t.gql(
      adminToken,
      'mutation($i: WorkplaceInput!) { createWorkplace(input: $i) { id } }',
      {
        i: { localId, name: 'Filter depot', kind: 'WORKSITE' },
      },
    );
    expect(wp.errors).toBeUndefined();
  });

  const log = (action: string | null, first?: number, after?: string | null) =>
    ctx.t.gql<Log>(adminToken, LOG, { l: localId, action, first, after });

  it('keeps one exact action, paging through matching events only', async () => {
    const pages = await allPages(async (after) => {
      const res = await log('role.grant', 1, after);
      expect(res.errors).toBeUndefined();
      return res.data!.auditEvents;
    });
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.nodes.map((n) => n.action))).toEqual([
      'role.grant',
      'role.grant',
      'role.grant',
    ]);
    expect(pages.map((p) => p.totalCount)).toEqual([3, 3, 3]);
  });

  it("takes a prefix ending in '.', and no filter keeps everything", async () => {
    const invitations = await log('invitation.');
    expect(invitations.data!.auditEvents.nodes.map((n) => n.action)).toEqual([
      'invitation.create',
      'invitation.create',
    ]);
    const all = await log(null);
    expect(all.data!.auditEvents.totalCount).toBe(6);
    expect(new Set(all.data!.auditEvents.nodes.map((n) => n.action))).toEqual(
      new Set(['role.grant', 'invitation.create', 'workplace.create']),
    );
  });

  it('matches exactly without a trailing dot, and never as a LIKE pattern', async () => {
    expect((await log('role')).data!.auditEvents.totalCount).toBe(0);
    expect((await log('role.gran')).data!.auditEvents.totalCount).toBe(0);
    // '_' would match any character in a LIKE pattern.
    expect((await log('rol_.')).data!.auditEvents.totalCount).toBe(0);
    expect((await log('role_grant')).data!.auditEvents.totalCount).toBe(0);
    // Camel-case codes (oneOnOne.log) are codes too.
    expect((await log('oneOnOne.')).errors).toBeUndefined();
  });

  it('refuses a malformed filter as BAD_USER_INPUT on action', async () => {
    for (const bad of ['', 'role.%', 'Role.grant', '.', 'role..grant', 'role grant', 'x'.repeat(101)]) {
      const res = await log(bad);
      expect(res.data).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
    }
  });

  it('still refuses the filtered log to non-admins', async () => {
    const { w, t } = ctx;
    const res = await t.gql<Log>(w.own.users.ORGANIZER.token, LOG, { l: w.own.id, action: 'role.' });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
