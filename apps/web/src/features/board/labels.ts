import { useLingui } from '@lingui/react/macro';
import type { CampaignStage, DecisionBody } from '../../gql/graphql';

/** A campaign's stages in the order a campaign moves through them. */
export const STAGES: CampaignStage[] = [
  'DRAFTING',
  'BUILDING_SUPPORT',
  'INTRODUCED',
  'VOTED',
  'PASSED',
  'IMPLEMENTED',
  'FAILED',
  'WITHDRAWN',
];

/** The moves advanceCampaignStage allows from each stage (VOTED only through recording the vote). */
export const MOVES: Record<CampaignStage, CampaignStage[]> = {
  DRAFTING: ['BUILDING_SUPPORT', 'WITHDRAWN'],
  BUILDING_SUPPORT: ['INTRODUCED', 'WITHDRAWN'],
  INTRODUCED: ['WITHDRAWN'],
  VOTED: ['PASSED', 'FAILED', 'WITHDRAWN'],
  PASSED: ['IMPLEMENTED', 'WITHDRAWN'],
  FAILED: [],
  IMPLEMENTED: [],
  WITHDRAWN: [],
};

export function useStageLabels(): Record<CampaignStage, string> {
  const { t } = useLingui();
  return {
    DRAFTING: t`Drafting`,
    BUILDING_SUPPORT: t`Building support`,
    INTRODUCED: t`Introduced`,
    VOTED: t`Voted`,
    PASSED: t`Passed`,
    IMPLEMENTED: t`Implemented`,
    FAILED: t`Failed`,
    WITHDRAWN: t`Withdrawn`,
  };
}

export function useDecisionBodyLabels(): Record<DecisionBody, string> {
  const { t } = useLingui();
  return {
    EXECUTIVE_BOARD: t`Executive board`,
    DELEGATE_COUNCIL: t`Delegate council`,
    GENERAL_MEMBERSHIP: t`General membership`,
    TENANT_ASSEMBLY: t`Tenant assembly`,
  };
}
