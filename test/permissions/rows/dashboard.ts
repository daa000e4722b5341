import { both, ownOnly, inLocal, Row } from '../row';

/** The dashboard module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.localDashboard': {
    call: inLocal(
      'query($l: ID!) { localDashboard(localId: $l) { memberCount coverage workplaces { memberCount } } }',
    ),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
      ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: ownOnly('ok', 'FORBIDDEN'),
    },
  },
};
