import { Role } from '@juntos/common';
import { grant, makeSession, makeUser } from '@juntos/test-support';
import { both, ownOnly, localOf, adminOnlyByLocal, everyRole, Row } from '../row';

/** The sessions module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.mySessions': {
    call: async () => ({ query: '{ mySessions { id current } }' }),
    expect: everyRole(both('ok')),
    check: (data) =>
      expect(
        (data as { mySessions: { current: boolean }[] }).mySessions.filter((s) => s.current),
      ).toHaveLength(1),
  },
  'Mutation.endSession': {
    // The viewer's own session, or one of the same role's user in the other local: never theirs to end.
    call: async (t, w, where, viewer) => ({
      query: 'mutation($id: ID!) { endSession(id: $id) }',
      variables: {
        id:
          viewer === 'anonymous'
            ? '00000000-0000-4000-8000-000000000000'
            : await makeSession(t.db, localOf(w, where).users[viewer].id),
      },
    }),
    expect: everyRole(ownOnly('ok', 'NOT_FOUND')),
    check: (data) => expect(data).toEqual({ endSession: true }),
  },
  'Mutation.endOtherSessions': {
    call: async (t, w, _where, viewer) => {
      if (viewer !== 'anonymous') await makeSession(t.db, w.own.users[viewer].id);
      return { query: 'mutation { endOtherSessions }' };
    },
    expect: everyRole(both('ok')),
    check: (data) => expect(data).toEqual({ endOtherSessions: 1 }),
  },
  'Mutation.endUserSessions': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const user = await makeUser(t.db);
      await grant(t.db, local.id, user.id, Role.ORGANIZER);
      await makeSession(t.db, user.id);
      return {
        query: 'mutation($l: ID!, $u: ID!) { endUserSessions(localId: $l, userId: $u) }',
        variables: { l: local.id, u: user.id },
      };
    },
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toEqual({ endUserSessions: 1 }),
  },
};
