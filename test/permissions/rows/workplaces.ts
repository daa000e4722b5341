import { makeWorkplace } from '@juntos/test-support';
import { localOf, unique, organizingOwnLocal, byIdWrite, byId, listInLocal, readById, Row } from '../row';

/** The workplaces module's root operations. */
export const ROWS: Record<string, Row> = {
  // A steward sees the workplaces of their assignment only.
  'Query.workplaces': listInLocal(
    'query($l: ID!) { workplaces(localId: $l) { totalCount nodes { id } } }',
    (data, w, viewer) => {
      const ids = (data as { workplaces: { nodes: { id: string }[] } }).workplaces.nodes
        .map((n) => n.id)
        .sort();
      expect(ids).toEqual(
        (viewer === 'STEWARD' ? [w.own.assigned] : [w.own.assigned, w.own.unassigned]).sort(),
      );
    },
  ),
  'Query.workplace': readById(
    'query($id: ID!) { workplace(id: $id) { id memberCount } }',
    (_t, w, where) => localOf(w, where).assigned,
    (data, w) => expect(data).toMatchObject({ workplace: { id: w.own.assigned } }),
  ),
  'Mutation.createWorkplace': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: WorkplaceInput!) { createWorkplace(input: $input) { id units { name } } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          name: `Site ${unique()}`,
          kind: 'WORKSITE',
          units: ['Day', 'Night'],
        },
      },
    }),
    expect: organizingOwnLocal,
    check: (data) =>
      expect(data).toMatchObject({ createWorkplace: { units: [{ name: 'Day' }, { name: 'Night' }] } }),
  },
  'Mutation.updateWorkplace': {
    call: async (_t, w, where) => ({
      query:
        'mutation($id: ID!, $input: UpdateWorkplaceInput!) { updateWorkplace(id: $id, input: $input) { id address } }',
      variables: { id: localOf(w, where).assigned, input: { address: `${unique()} Main St` } },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.archiveWorkplace': {
    call: byId('mutation($id: ID!) { archiveWorkplace(id: $id) { id archivedAt } }', (t, w, where) =>
      makeWorkplace(t.db, localOf(w, where).id),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toMatchObject({ archiveWorkplace: { archivedAt: expect.any(String) } }),
  },
};
