import { Role } from '@juntos/common';
import { grant, makeUser } from '@juntos/test-support';
import { both, ownOnly, localOf, adminOnlyByLocal, unique, everyRole, inLocal, Row } from '../row';

/** The accounts module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.me': {
    call: async () => ({ query: '{ me { id } }' }),
    expect: everyRole(both('ok')),
    check: (data, w, viewer) => expect(data).toEqual({ me: { id: w.own.users[viewer as Role].id } }),
  },
  'Query.roleAssignments': {
    call: inLocal(
      'query($l: ID!) { roleAssignments(localId: $l) { totalCount nodes { id role user { id } } } }',
    ),
    expect: adminOnlyByLocal,
    // The admin's own local: its four viewers' grants at least, the admin's among them.
    check: (data, w) => {
      const { totalCount, nodes } = (
        data as { roleAssignments: { totalCount: number; nodes: { id: string }[] } }
      ).roleAssignments;
      expect(totalCount).toBeGreaterThanOrEqual(4);
      expect(nodes.map((n) => n.id)).toContain(w.own.users[Role.LOCAL_ADMIN].assignmentId);
    },
  },
  'Query.pendingInvitations': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      await t.db.query(
        `insert into invitation (local_id, email, role, workplace_ids, token_hash, expires_at)
         values ($1, $2, 'ORGANIZER', '{}', sha256(convert_to($3, 'UTF8')), now() + interval '1 day')`,
        [local.id, `pending-${unique()}@example.org`, `invitation-${unique()}`],
      );
      return {
        query: 'query($l: ID!) { pendingInvitations(localId: $l) { id email role token expiresAt } }',
        variables: { l: local.id },
      };
    },
    expect: adminOnlyByLocal,
    check: (data) => {
      const list = (data as { pendingInvitations: { token: string | null }[] }).pendingInvitations;
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((i) => i.token === null)).toBe(true);
    },
  },
  'Mutation.createInvitation': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id token } }',
      variables: {
        input: { localId: localOf(w, where).id, email: 'invitee@example.org', role: 'ORGANIZER' },
      },
    }),
    expect: adminOnlyByLocal,
    check: (data) =>
      expect(data).toEqual({ createInvitation: { id: expect.any(String), token: expect.any(String) } }),
  },
  'Mutation.acceptInvitation': {
    // Own: an invitation to the viewer's email, for the role they already hold (so the world is
    // unchanged). Other: one addressed to someone else, which reads as missing.
    call: async (t, w, where, viewer) => {
      const role = viewer === 'anonymous' ? Role.ORGANIZER : (viewer as Role);
      const local = localOf(w, where);
      const { rows } = await t.db.query('select email from app_user where id = $1', [local.users[role].id]);
      const token = `invitation-${unique()}`;
      await t.db.query(
        `insert into invitation (local_id, email, role, workplace_ids, token_hash, expires_at)
         values ($1, $2, $3, $4, sha256(convert_to($5, 'UTF8')), now() + interval '1 day')`,
        [local.id, rows[0].email, role, role === Role.STEWARD ? [local.assigned] : [], token],
      );
      return { query: 'mutation($token: String!) { acceptInvitation(token: $token) }', variables: { token } };
    },
    expect: everyRole(ownOnly('ok', 'NOT_FOUND')),
    check: (data) => expect(data).toEqual({ acceptInvitation: true }),
  },
  'Mutation.grantRole': {
    call: async (t, w, where) => {
      const user = await makeUser(t.db);
      return {
        query: 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id role } }',
        variables: { input: { localId: localOf(w, where).id, userId: user.id, role: 'BOARD_MEMBER' } },
      };
    },
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toEqual({ grantRole: { id: expect.any(String), role: 'BOARD_MEMBER' } }),
  },
  'Mutation.revokeRole': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const user = await makeUser(t.db);
      const id = await grant(t.db, local.id, user.id, Role.ORGANIZER);
      return { query: 'mutation($id: ID!) { revokeRole(id: $id) }', variables: { id } };
    },
    // Another local's grant reads as missing to an admin; roles that cannot revoke anywhere are refused.
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'NOT_FOUND'),
      ORGANIZER: both('FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: both('FORBIDDEN'),
    },
    check: (data) => expect(data).toEqual({ revokeRole: true }),
  },
};
