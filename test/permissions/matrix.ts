import { Role } from '@juntos/common';
import { grant, makeUser, TestApp, Viewer, World } from '@juntos/testing';

/** What a viewer gets: the allowed answer, or the refusal PERMISSIONS.md prescribes. */
export type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
export type Where = 'own' | 'other';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Row {
  /** The call as made by `viewer`, aimed at the viewer's own local or at the other one. */
  call(t: TestApp, w: World, where: Where, viewer: Viewer): Promise<Call>;
  /** Expected outcome per viewer and place. Anonymous is always UNAUTHENTICATED. */
  expect: Record<Exclude<Viewer, 'anonymous'>, Record<Where, Outcome>>;
  /** For an 'ok' answer: what the data must hold. */
  check?(data: unknown, w: World, viewer: Viewer): void;
}

const both = (o: Outcome): Record<Where, Outcome> => ({ own: o, other: o });
const ownOnly = (own: Outcome, other: Outcome): Record<Where, Outcome> => ({ own, other });
const localOf = (w: World, where: Where) => (where === 'own' ? w.own : w.other);

/** LOCAL_ADMIN may, in their own local only; every other role is refused. */
const adminOnlyByLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: both('FORBIDDEN'),
  STEWARD: both('FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};

/** One row per root operation of the schema. A new operation fails the coverage test until it has one. */
export const MATRIX: Record<string, Row> = {
  'Query.me': {
    call: async () => ({ query: '{ me { id } }' }),
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    check: (data, w, viewer) => expect(data).toEqual({ me: { id: w.own.users[viewer as Role].id } }),
  },
  'Query.locals': {
    call: async () => ({ query: '{ locals { id } }' }),
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    // Only the local the viewer holds a role in, never the other.
    check: (data, w) => expect(data).toEqual({ locals: [{ id: w.own.id }] }),
  },
  'Query.local': {
    call: async (_t, w, where) => ({
      query: 'query($id: ID!) { local(id: $id) { id } }',
      variables: { id: localOf(w, where).id },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: ownOnly('ok', 'null'),
    },
    check: (data, w) => expect(data).toEqual({ local: { id: w.own.id } }),
  },
  'Query.auditEvents': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { auditEvents(localId: $l) { totalCount nodes { id action } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toMatchObject({ auditEvents: { totalCount: expect.any(Number) } }),
  },
  'Mutation.createLocal': {
    call: async () => ({
      query: 'mutation { createLocal(input: { name: "New local", kind: UNION_LOCAL }) { id } }',
    }),
    // Platform admins only: no local role reaches it (the platform admin's row is in the spec).
    expect: {
      LOCAL_ADMIN: both('FORBIDDEN'),
      ORGANIZER: both('FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: both('FORBIDDEN'),
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
