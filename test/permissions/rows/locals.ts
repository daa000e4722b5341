import { both, ownOnly, localOf, Row } from '../row';

/** The locals module's root operations. */
export const ROWS: Record<string, Row> = {
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
};
