import { both, localOf, everyRole, readById, Row } from '../row';

/** The locals module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.locals': {
    call: async () => ({ query: '{ locals { id } }' }),
    expect: everyRole(both('ok')),
    // Only the local the viewer holds a role in, never the other.
    check: (data, w) => expect(data).toEqual({ locals: [{ id: w.own.id }] }),
  },
  'Query.local': readById(
    'query($id: ID!) { local(id: $id) { id } }',
    (_t, w, where) => localOf(w, where).id,
    (data, w) => expect(data).toEqual({ local: { id: w.own.id } }),
  ),
  'Mutation.createLocal': {
    call: async () => ({
      query: 'mutation { createLocal(input: { name: "New local", kind: UNION_LOCAL }) { id } }',
    }),
    // Platform admins only: no local role reaches it (the platform admin's row is in the spec).
    expect: everyRole(both('FORBIDDEN')),
  },
};
