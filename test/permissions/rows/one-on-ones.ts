import { Role } from '@juntos/common';
import { makeOneOnOne } from '@juntos/test-support';
import { localOf, organizingAndStewardsOwnLocal, byIdWrite, memberIn, inLocal, Row } from '../row';

/** The one-on-ones module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.oneOnOnes': {
    call: inLocal('query($l: ID!) { oneOnOnes(localId: $l) { totalCount nodes { id notes } } }'),
    expect: organizingAndStewardsOwnLocal,
  },
  'Query.myFollowUps': {
    call: inLocal('query($l: ID!) { myFollowUps(localId: $l) { id followUpAt } }'),
    expect: organizingAndStewardsOwnLocal,
  },
  'Query.recentIssues': {
    call: inLocal('query($l: ID!) { recentIssues(localId: $l) }'),
    expect: organizingAndStewardsOwnLocal,
  },
  'Mutation.logOneOnOne': {
    call: async (t, w, where) => ({
      query: 'mutation($input: LogOneOnOneInput!) { logOneOnOne(input: $input) { id notes member { id } } }',
      variables: {
        input: {
          memberId: await memberIn(t, w, where),
          occurredAt: new Date().toISOString(),
          channel: 'PHONE',
          supportLevel: 2,
          notes: 'Ready to sign.',
        },
      },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toMatchObject({ logOneOnOne: { notes: 'Ready to sign.' } }),
  },
  'Mutation.completeFollowUp': {
    // The viewer's own conversation: the steward who logged it may complete its follow-up.
    call: async (t, w, where, viewer) => {
      const local = localOf(w, where);
      const author = viewer === 'anonymous' ? local.users.ORGANIZER.id : w.own.users[viewer as Role].id;
      const id = await makeOneOnOne(t.db, local.id, await memberIn(t, w, where), author);
      return {
        query: 'mutation($id: ID!) { completeFollowUp(id: $id) { id followUpDoneAt } }',
        variables: { id },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toMatchObject({ completeFollowUp: { followUpDoneAt: expect.any(String) } }),
  },
};
