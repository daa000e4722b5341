import { both, ownOnly, localOf, Row } from '../row';

/** The dashboard module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.localDashboard': {
    call: async (_t, w, where) => ({
      query:
        'query($l: ID!) { localDashboard(localId: $l) { memberCount coverage workplaces { memberCount } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
      ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: ownOnly('ok', 'FORBIDDEN'),
    },
  },
};
