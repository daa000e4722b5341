import { useLingui } from '@lingui/react/macro';
import type { CommitteeKind, CommitteeRole } from '../../gql/graphql';

export const COMMITTEE_KINDS: CommitteeKind[] = [
  'ORGANIZING_COMMITTEE',
  'BUILDING_COMMITTEE',
  'DEFENSE_COMMITTEE',
  'RAPID_RESPONSE_TEAM',
  'ASSEMBLY',
];
export const COMMITTEE_ROLES: CommitteeRole[] = ['CAPTAIN', 'CHAIR', 'SECRETARY', 'MEMBER'];

export function useCommitteeKindLabels(): Record<CommitteeKind, string> {
  const { t } = useLingui();
  return {
    ORGANIZING_COMMITTEE: t`Organizing committee`,
    BUILDING_COMMITTEE: t`Building committee`,
    DEFENSE_COMMITTEE: t`Defense committee`,
    RAPID_RESPONSE_TEAM: t`Rapid-response team`,
    ASSEMBLY: t`Assembly`,
  };
}

export function useCommitteeRoleLabels(): Record<CommitteeRole, string> {
  const { t } = useLingui();
  return {
    CAPTAIN: t`Captain`,
    CHAIR: t`Chair`,
    SECRETARY: t`Secretary`,
    MEMBER: t`Committee member`,
  };
}
