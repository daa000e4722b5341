import { makeCampaign, makeMilestone, makePetition } from '@juntos/test-support';
import { localOf, organizingOwnLocal, byIdWrite, listInLocal, readById, Row } from '../row';

/** The campaigns module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.campaigns': listInLocal(
    'query($l: ID!) { campaigns(localId: $l) { totalCount nodes { id stage progress { percent } } } }',
  ),
  'Query.campaign': readById(
    'query($id: ID!) { campaign(id: $id) { id stageHistory { to } } }',
    (t, w, where) => makeCampaign(t.db, localOf(w, where).id),
  ),
  'Mutation.createCampaign': {
    call: async (_t, w, where) => ({
      query:
        'mutation($input: CampaignInput!) { createCampaign(input: $input) { id stage stageHistory { from to } } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          title: 'No raids',
          resolutionText: 'Resolved: no raids.',
          decisionBody: 'GENERAL_MEMBERSHIP',
        },
      },
    }),
    expect: organizingOwnLocal,
    check: (data) =>
      expect(data).toMatchObject({
        createCampaign: { stage: 'DRAFTING', stageHistory: [{ from: null, to: 'DRAFTING' }] },
      }),
  },
  'Mutation.advanceCampaignStage': {
    call: async (t, w, where) => ({
      query: 'mutation($input: AdvanceStageInput!) { advanceCampaignStage(input: $input) { stage } }',
      variables: {
        input: { campaignId: await makeCampaign(t.db, localOf(w, where).id), stage: 'BUILDING_SUPPORT' },
      },
    }),
    // Board members decide: they advance stages and record votes.
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, BOARD_MEMBER: true }),
  },
  'Mutation.recordVote': {
    call: async (t, w, where) => ({
      query: 'mutation($input: RecordVoteInput!) { recordVote(input: $input) { stage vote { votesFor } } }',
      variables: {
        input: {
          campaignId: await makeCampaign(t.db, localOf(w, where).id, { stage: 'INTRODUCED' }),
          votesFor: 9,
          votesAgainst: 2,
          abstentions: 1,
          heldAt: new Date().toISOString(),
        },
      },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, BOARD_MEMBER: true }),
  },
  'Mutation.addMilestone': {
    call: async (t, w, where) => ({
      query: 'mutation($input: MilestoneInput!) { addMilestone(input: $input) { id title } }',
      variables: {
        input: {
          campaignId: await makeCampaign(t.db, localOf(w, where).id),
          title: 'Pack the board meeting',
        },
      },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.completeMilestone': {
    call: async (t, w, where) => {
      const local = localOf(w, where).id;
      return {
        query: 'mutation($id: ID!) { completeMilestone(id: $id) { doneAt } }',
        variables: { id: await makeMilestone(t.db, local, await makeCampaign(t.db, local)) },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.linkPetition': {
    call: async (t, w, where) => {
      const local = localOf(w, where).id;
      return {
        query:
          'mutation($c: ID!, $p: ID!) { linkPetition(campaignId: $c, petitionId: $p) { id petitions { id } } }',
        variables: { c: await makeCampaign(t.db, local), p: await makePetition(t.db, local) },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
};
