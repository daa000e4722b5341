import { makeMember, TestApp, World } from '@juntos/test-support';
import {
  both,
  ownOnly,
  localOf,
  adminOnlyByLocal,
  unique,
  organizingOwnLocal,
  organizingAndStewardsOwnLocal,
  byIdWrite,
  memberIn,
  inLocal,
  byId,
  Row,
  Where,
} from '../row';

/** A flagged pair: a member of the assigned workplace and one of the other, sharing an email. */
const duplicateIn = async (t: TestApp, w: World, where: Where) => {
  const local = localOf(w, where);
  const email = `twin.${unique()}@example.org`;
  const keep = await makeMember(t.db, local.id, { workplaceId: local.unassigned, email });
  const other = await makeMember(t.db, local.id, { workplaceId: local.assigned, email });
  const { rows } = await t.db.query(
    `insert into possible_duplicate (local_id, member_id, other_member_id, matched) values ($1, $2, $3, '{EMAIL}') returning id`,
    [local.id, other, keep],
  );
  return { id: rows[0].id as string, keep };
};

/** The members module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.members': {
    call: inLocal('query($l: ID!) { members(localId: $l, first: 100) { nodes { id workplace { id } } } }'),
    expect: organizingAndStewardsOwnLocal,
    // A steward's list is narrowed to their assigned workplace, silently.
    check: (data, w, viewer) => {
      const nodes = (data as { members: { nodes: { workplace: { id: string } | null }[] } }).members.nodes;
      if (viewer === 'STEWARD') expect(nodes.every((n) => n.workplace?.id === w.own.assigned)).toBe(true);
    },
  },
  'Query.member': {
    call: byId('query($id: ID!) { member(id: $id) { id firstName } }', memberIn),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: both('FORBIDDEN'),
    },
  },
  'Mutation.createMember': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: MemberInput!) { createMember(input: $input) { id workplace { id } } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          firstName: 'Rosa',
          lastName: `Parks ${unique()}`,
        },
      },
    }),
    expect: organizingAndStewardsOwnLocal,
  },
  'Mutation.updateMember': {
    call: async (t, w, where) => ({
      query:
        'mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id tags } }',
      variables: { id: await memberIn(t, w, where), input: { tags: ['Leader'] } },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toMatchObject({ updateMember: { tags: ['leader'] } }),
  },
  'Mutation.archiveMember': {
    call: byId('mutation($id: ID!) { archiveMember(id: $id) { id archivedAt } }', memberIn),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.eraseMember': {
    call: byId('mutation($id: ID!) { eraseMember(id: $id) }', memberIn),
    expect: byIdWrite({ LOCAL_ADMIN: true }),
    check: (data) => expect(data).toEqual({ eraseMember: true }),
  },
  'Mutation.importMembers': {
    call: async (_t, w, where) => ({
      query:
        'mutation($l: ID!, $csv: String!) { importMembers(localId: $l, csv: $csv) { created updated skipped } }',
      variables: {
        l: localOf(w, where).id,
        csv: `firstName,lastName,email\nAna,Imported,ana.${unique()}@example.org\n`,
      },
    }),
    expect: organizingOwnLocal,
    check: (data) => expect(data).toEqual({ importMembers: { created: 1, updated: 0, skipped: 0 } }),
  },
  'Query.exportMembers': {
    call: inLocal('query($l: ID!) { exportMembers(localId: $l) }'),
    expect: adminOnlyByLocal,
    check: (data) =>
      expect((data as { exportMembers: string }).exportMembers).toMatch(/^firstName,lastName,/),
  },
  'Query.possibleDuplicates': {
    call: async (t, w, where) => {
      await duplicateIn(t, w, where);
      return {
        query:
          'query($l: ID!) { possibleDuplicates(localId: $l) { totalCount nodes { id matchedOn member { id } other { id } } } }',
        variables: { l: localOf(w, where).id },
      };
    },
    expect: organizingOwnLocal,
    check: (data) =>
      expect(
        (data as { possibleDuplicates: { totalCount: number } }).possibleDuplicates.totalCount,
      ).toBeGreaterThan(0),
  },
  'Mutation.dismissPossibleDuplicate': {
    call: byId(
      'mutation($id: ID!) { dismissPossibleDuplicate(id: $id) }',
      async (t, w, where) => (await duplicateIn(t, w, where)).id,
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toEqual({ dismissPossibleDuplicate: true }),
  },
  'Mutation.mergePossibleDuplicate': {
    call: async (t, w, where) => {
      const { id, keep } = await duplicateIn(t, w, where);
      return {
        query:
          'mutation($id: ID!, $keep: ID!) { mergePossibleDuplicate(id: $id, keepMemberId: $keep) { id } }',
        variables: { id, keep },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
};
