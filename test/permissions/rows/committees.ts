import { makeCommittee, makeCommitteeMembership, TestApp, World } from '@juntos/test-support';
import {
  byId,
  byIdWrite,
  listInLocal,
  localOf,
  memberIn,
  organizingOwnLocal,
  readById,
  Row,
  unique,
  Where,
} from '../row';

/** A committee of the local's steward-assigned workplace. */
const committeeIn = (t: TestApp, w: World, where: Where) =>
  makeCommittee(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned });

/** A seat on such a committee. */
const seatIn = async (t: TestApp, w: World, where: Where) =>
  makeCommitteeMembership(
    t.db,
    localOf(w, where).id,
    await committeeIn(t, w, where),
    await memberIn(t, w, where),
  );

const organizing = byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true });

/** The committees module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.committees': listInLocal(
    'query($l: ID!) { committees(localId: $l) { totalCount nodes { id coverage ratio membershipCount } } }',
  ),
  'Query.committee': readById(
    'query($id: ID!) { committee(id: $id) { id coverage ratio membershipCount } }',
    committeeIn,
  ),
  'Mutation.createCommittee': {
    call: async (_t, w, where) => ({
      query:
        'mutation($input: CommitteeInput!) { createCommittee(input: $input) { id kind name archivedAt } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          kind: 'ORGANIZING_COMMITTEE',
          name: `Organizing committee ${unique()}`,
        },
      },
    }),
    expect: organizingOwnLocal,
    check: (data) =>
      expect(data).toEqual({
        createCommittee: {
          id: expect.any(String),
          kind: 'ORGANIZING_COMMITTEE',
          name: expect.stringMatching(/^Organizing committee /),
          archivedAt: null,
        },
      }),
  },
  'Mutation.archiveCommittee': {
    call: byId('mutation($id: ID!) { archiveCommittee(id: $id) { id archivedAt } }', committeeIn),
    expect: organizing,
    check: (data) =>
      expect(data).toEqual({ archiveCommittee: { id: expect.any(String), archivedAt: expect.any(String) } }),
  },
  'Mutation.addCommitteeMember': {
    call: async (t, w, where) => ({
      query:
        'mutation($input: CommitteeMembershipInput!) { addCommitteeMember(input: $input) { id role contactCount } }',
      variables: {
        input: {
          committeeId: await committeeIn(t, w, where),
          memberId: await memberIn(t, w, where),
          role: 'CAPTAIN',
        },
      },
    }),
    expect: organizing,
    check: (data) =>
      expect(data).toEqual({
        addCommitteeMember: { id: expect.any(String), role: 'CAPTAIN', contactCount: 0 },
      }),
  },
  'Mutation.removeCommitteeMember': {
    call: byId('mutation($id: ID!) { removeCommitteeMember(id: $id) }', seatIn),
    expect: organizing,
    check: (data) => expect(data).toEqual({ removeCommitteeMember: true }),
  },
  'Mutation.assignContacts': {
    call: async (t, w, where) => ({
      query: 'mutation($input: AssignContactsInput!) { assignContacts(input: $input) { id contactCount } }',
      variables: {
        input: { membershipId: await seatIn(t, w, where), memberIds: [await memberIn(t, w, where)] },
      },
    }),
    expect: organizing,
    check: (data) => expect(data).toEqual({ assignContacts: { id: expect.any(String), contactCount: 1 } }),
  },
};
