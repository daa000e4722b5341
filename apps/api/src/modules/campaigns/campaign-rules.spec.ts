import { CampaignStage } from '@juntos/common';
import { assertCanRecordVote, assertStageMove, campaignPercent } from './campaign-rules';

const S = CampaignStage;
const ALL = Object.values(CampaignStage);
const passing = { votesFor: 7, votesAgainst: 3 };

describe('campaign stage machine', () => {
  const allowed: [CampaignStage, CampaignStage][] = [
    [S.DRAFTING, S.BUILDING_SUPPORT],
    [S.BUILDING_SUPPORT, S.INTRODUCED],
    [S.VOTED, S.PASSED],
    [S.VOTED, S.FAILED],
    [S.PASSED, S.IMPLEMENTED],
    ...[S.DRAFTING, S.BUILDING_SUPPORT, S.INTRODUCED, S.VOTED, S.PASSED].map(
      (s) => [s, S.WITHDRAWN] as [CampaignStage, CampaignStage],
    ),
  ];
  it.each(allowed)('allows %s → %s (with a passing vote)', (from, to) =>
    expect(() => assertStageMove(from, to, passing)).not.toThrow(),
  );

  const refused = ALL.flatMap((from) => ALL.map((to) => [from, to] as [CampaignStage, CampaignStage])).filter(
    ([f, t]) => !allowed.some(([a, b]) => a === f && b === t),
  );
  it.each(refused)('refuses %s → %s, naming the stage and the allowed moves', (from, to) => {
    expect(() => assertStageMove(from, to, passing)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`The campaign is ${from}:`) }),
    );
  });

  it('reaches VOTED only through recordVote', () => {
    expect(() => assertStageMove(S.INTRODUCED, S.VOTED, null)).toThrow(
      'The campaign is INTRODUCED: allowed moves: WITHDRAWN. VOTED is reached by recording the vote (recordVote).',
    );
    expect(() => assertCanRecordVote(S.INTRODUCED)).not.toThrow();
    expect(() => assertCanRecordVote(S.VOTED)).not.toThrow();
    for (const s of [S.DRAFTING, S.BUILDING_SUPPORT, S.PASSED, S.FAILED, S.IMPLEMENTED, S.WITHDRAWN]) {
      expect(() => assertCanRecordVote(s)).toThrow(`it is ${s}`);
    }
  });

  it('passes only with more votes for than against, and fails only with a vote', () => {
    expect(() => assertStageMove(S.VOTED, S.PASSED, { votesFor: 5, votesAgainst: 5 })).toThrow(
      'more votes for than against',
    );
    expect(() => assertStageMove(S.VOTED, S.PASSED, null)).toThrow('more votes for than against');
    expect(() => assertStageMove(S.VOTED, S.FAILED, null)).toThrow('FAILED needs a recorded vote.');
    expect(() => assertStageMove(S.VOTED, S.FAILED, { votesFor: 9, votesAgainst: 1 })).not.toThrow();
  });
});

describe('campaign progress', () => {
  it.each([
    [{ milestonesDone: 0, milestonesTotal: 0, signatureCount: 0, signatureGoal: 0 }, 0],
    [{ milestonesDone: 1, milestonesTotal: 4, signatureCount: 0, signatureGoal: 0 }, 0.25],
    [{ milestonesDone: 0, milestonesTotal: 0, signatureCount: 30, signatureGoal: 40 }, 0.75],
    [{ milestonesDone: 1, milestonesTotal: 2, signatureCount: 30, signatureGoal: 40 }, (0.5 + 0.75) / 2],
    [{ milestonesDone: 2, milestonesTotal: 2, signatureCount: 90, signatureGoal: 40 }, 1], // signatures capped at 1
  ])('%p → %p', (input, percent) => expect(campaignPercent(input)).toBeCloseTo(percent, 10));
});
