import { badInput, CampaignStage } from '@juntos/common';

const { DRAFTING, BUILDING_SUPPORT, INTRODUCED, VOTED, PASSED, FAILED, IMPLEMENTED, WITHDRAWN } =
  CampaignStage;

/** Stages a campaign cannot leave. */
export const FINAL_STAGES: readonly CampaignStage[] = [FAILED, IMPLEMENTED, WITHDRAWN];

/**
 * The moves advanceCampaignStage may make. VOTED is not among them: only recordVote reaches it.
 * WITHDRAWN is open from every stage that is not final.
 */
const MOVES: Record<CampaignStage, CampaignStage[]> = {
  [DRAFTING]: [BUILDING_SUPPORT, WITHDRAWN],
  [BUILDING_SUPPORT]: [INTRODUCED, WITHDRAWN],
  [INTRODUCED]: [WITHDRAWN],
  [VOTED]: [PASSED, FAILED, WITHDRAWN],
  [PASSED]: [IMPLEMENTED, WITHDRAWN],
  [FAILED]: [],
  [IMPLEMENTED]: [],
  [WITHDRAWN]: [],
};

export interface Vote {
  votesFor: number;
  votesAgainst: number;
}

/** Refuses a move that is not allowed, naming the stage and the allowed moves; and checks the vote rules. */
export function assertStageMove(from: CampaignStage, to: CampaignStage, vote: Vote | null): void {
  if (!MOVES[from].includes(to)) {
    const allowed = MOVES[from].length ? `allowed moves: ${MOVES[from].join(', ')}` : 'it is final';
    const hint = to === VOTED ? ' VOTED is reached by recording the vote (recordVote).' : '';
    throw badInput(`The campaign is ${from}: ${allowed}.${hint}`, 'stage');
  }
  if (to === PASSED && !(vote && vote.votesFor > vote.votesAgainst)) {
    throw badInput('PASSED needs a recorded vote with more votes for than against.', 'stage');
  }
  if (to === FAILED && !vote) throw badInput('FAILED needs a recorded vote.', 'stage');
}

/** recordVote is allowed while INTRODUCED (the vote happens) or VOTED (a correction). */
export function assertCanRecordVote(stage: CampaignStage): void {
  if (stage !== INTRODUCED && stage !== VOTED) {
    throw badInput(`A vote is recorded once the campaign is INTRODUCED; it is ${stage}.`, 'campaignId');
  }
}

export interface ProgressInput {
  milestonesDone: number;
  milestonesTotal: number;
  signatureCount: number;
  signatureGoal: number;
}

/** 0 to 1: the mean of the milestone share and the signature share (capped at 1), over whichever exist. */
export function campaignPercent(p: ProgressInput): number {
  const shares: number[] = [];
  if (p.milestonesTotal > 0) shares.push(p.milestonesDone / p.milestonesTotal);
  if (p.signatureGoal > 0) shares.push(Math.min(1, p.signatureCount / p.signatureGoal));
  return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
}
