import { Accounts1795305600000 } from './1795305600000-accounts';
import { Members1795392000000 } from './1795392000000-members';
import { RowLevelSecurity1795478400000 } from './1795478400000-row-level-security';
import { OneOnOnes1795564800000 } from './1795564800000-one-on-ones';
import { Petitions1795651200000 } from './1795651200000-petitions';
import { Campaigns1795737600000 } from './1795737600000-campaigns';
import { DashboardIndex1795824000000 } from './1795824000000-dashboard-index';
import { DashboardTally1795910400000 } from './1795910400000-dashboard-tally';
import { LoadActorFunction1795996800000 } from './1795996800000-load-actor-function';
import { LoginAttemptRetention1796000000000 } from './1796000000000-login-attempt-retention';
import { Sessions1796100000000 } from './1796100000000-sessions';
import { PossibleDuplicates1796200000000 } from './1796200000000-possible-duplicates';
import { NotesBoundToRow1796300000000 } from './1796300000000-notes-bound-to-row';
import { RoleAssignmentCap1796400000000 } from './1796400000000-role-assignment-cap';
import { Events1796500000000 } from './1796500000000-events';
import { Committees1796600000000 } from './1796600000000-committees';
import { MemberAlertOptIn1796700000000 } from './1796700000000-member-alert-opt-in';
import { Jobs1796800000000 } from './1796800000000-jobs';
import { RapidResponse1796900000000 } from './1796900000000-rapid-response';
import { ApiTokens1797000000000 } from './1797000000000-api-tokens';
import { MemberModified1797100000000 } from './1797100000000-member-modified';
import { MemberSearchText1797700000000 } from './1797700000000-member-search-text';
import { ScopeOncePerStatement1797800000000 } from './1797800000000-scope-once-per-statement';

/** Every migration, in order. Listed explicitly (no globs): add a new one at the end. */
export const MIGRATIONS = [
  Accounts1795305600000,
  Members1795392000000,
  RowLevelSecurity1795478400000,
  OneOnOnes1795564800000,
  Petitions1795651200000,
  Campaigns1795737600000,
  DashboardIndex1795824000000,
  DashboardTally1795910400000,
  LoadActorFunction1795996800000,
  LoginAttemptRetention1796000000000,
  Sessions1796100000000,
  PossibleDuplicates1796200000000,
  NotesBoundToRow1796300000000,
  RoleAssignmentCap1796400000000,
  Events1796500000000,
  Committees1796600000000,
  MemberAlertOptIn1796700000000,
  Jobs1796800000000,
  RapidResponse1796900000000,
  ApiTokens1797000000000,
  MemberModified1797100000000,
  MemberSearchText1797700000000,
  ScopeOncePerStatement1797800000000,
];
