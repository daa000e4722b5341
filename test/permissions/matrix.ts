import { Role } from '@juntos/common';
import { randomBytes } from 'node:crypto';
import {
  grant,
  makeMember,
  makeCampaign,
  makeMilestone,
  makeOneOnOne,
  makePetition,
  makeSession,
  makeSignature,
  makeUser,
  makeWorkplace,
  TestApp,
  Viewer,
  World,
} from '@juntos/testing';

/** What a viewer gets: the allowed answer, or the refusal PERMISSIONS.md prescribes. */
export type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
export type Where = 'own' | 'other';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Row {
  /** The call as made by `viewer`, aimed at the viewer's own local or at the other one. */
  call(t: TestApp, w: World, where: Where, viewer: Viewer): Promise<Call>;
  /** Expected outcome per viewer and place. Anonymous is always UNAUTHENTICATED. */
  expect: Record<Exclude<Viewer, 'anonymous'>, Record<Where, Outcome>>;
  /** For an 'ok' answer: what the data must hold. */
  check?(data: unknown, w: World, viewer: Viewer): void;
}

const both = (o: Outcome): Record<Where, Outcome> => ({ own: o, other: o });
const ownOnly = (own: Outcome, other: Outcome): Record<Where, Outcome> => ({ own, other });
const localOf = (w: World, where: Where) => (where === 'own' ? w.own : w.other);

/** LOCAL_ADMIN may, in their own local only; every other role is refused. */
const adminOnlyByLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: both('FORBIDDEN'),
  STEWARD: both('FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};

const unique = () => randomBytes(4).toString('hex');
/** Everyone in the local may read it; nobody outside. */
const everyRoleOwnLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
  STEWARD: ownOnly('ok', 'FORBIDDEN'),
  BOARD_MEMBER: ownOnly('ok', 'FORBIDDEN'),
};
/** Admins and organizers in their local. */
const organizingOwnLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
  STEWARD: both('FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};
/** Admins, organizers and (assigned) stewards in their local; board members never. */
const organizingAndStewardsOwnLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
  STEWARD: ownOnly('ok', 'FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};
/** By id: a record of another local reads as missing to whoever may act on it at home. */
const byIdWrite = (roles: Partial<Record<Role, true>>) =>
  Object.fromEntries(
    (['LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER'] as const).map((r) => [
      r,
      roles[r] ? ownOnly('ok', 'NOT_FOUND') : both('FORBIDDEN'),
    ]),
  ) as Row['expect'];
const memberIn = (t: TestApp, w: World, where: Where) =>
  makeMember(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned });
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

/** One row per root operation of the schema. A new operation fails the coverage test until it has one. */
export const MATRIX: Record<string, Row> = {
  'Query.me': {
    call: async () => ({ query: '{ me { id } }' }),
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    check: (data, w, viewer) => expect(data).toEqual({ me: { id: w.own.users[viewer as Role].id } }),
  },
  'Query.locals': {
    call: async () => ({ query: '{ locals { id } }' }),
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    // Only the local the viewer holds a role in, never the other.
    check: (data, w) => expect(data).toEqual({ locals: [{ id: w.own.id }] }),
  },
  'Query.local': {
    call: async (_t, w, where) => ({
      query: 'query($id: ID!) { local(id: $id) { id } }',
      variables: { id: localOf(w, where).id },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: ownOnly('ok', 'null'),
    },
    check: (data, w) => expect(data).toEqual({ local: { id: w.own.id } }),
  },
  'Query.auditEvents': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { auditEvents(localId: $l) { totalCount nodes { id action } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toMatchObject({ auditEvents: { totalCount: expect.any(Number) } }),
  },
  'Mutation.createLocal': {
    call: async () => ({
      query: 'mutation { createLocal(input: { name: "New local", kind: UNION_LOCAL }) { id } }',
    }),
    // Platform admins only: no local role reaches it (the platform admin's row is in the spec).
    expect: {
      LOCAL_ADMIN: both('FORBIDDEN'),
      ORGANIZER: both('FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: both('FORBIDDEN'),
    },
  },
  'Mutation.createInvitation': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id token } }',
      variables: {
        input: { localId: localOf(w, where).id, email: 'invitee@example.org', role: 'ORGANIZER' },
      },
    }),
    expect: adminOnlyByLocal,
    check: (data) =>
      expect(data).toEqual({ createInvitation: { id: expect.any(String), token: expect.any(String) } }),
  },
  'Mutation.acceptInvitation': {
    // Own: an invitation to the viewer's email, for the role they already hold (so the world is
    // unchanged). Other: one addressed to someone else, which reads as missing.
    call: async (t, w, where, viewer) => {
      const role = viewer === 'anonymous' ? Role.ORGANIZER : (viewer as Role);
      const local = localOf(w, where);
      const { rows } = await t.db.query('select email from app_user where id = $1', [local.users[role].id]);
      const token = `invitation-${unique()}`;
      await t.db.query(
        `insert into invitation (local_id, email, role, workplace_ids, token_hash, expires_at)
         values ($1, $2, $3, $4, sha256(convert_to($5, 'UTF8')), now() + interval '1 day')`,
        [local.id, rows[0].email, role, role === Role.STEWARD ? [local.assigned] : [], token],
      );
      return { query: 'mutation($token: String!) { acceptInvitation(token: $token) }', variables: { token } };
    },
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'NOT_FOUND'),
      ORGANIZER: ownOnly('ok', 'NOT_FOUND'),
      STEWARD: ownOnly('ok', 'NOT_FOUND'),
      BOARD_MEMBER: ownOnly('ok', 'NOT_FOUND'),
    },
    check: (data) => expect(data).toEqual({ acceptInvitation: true }),
  },
  'Mutation.grantRole': {
    call: async (t, w, where) => {
      const user = await makeUser(t.db);
      return {
        query: 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id role } }',
        variables: { input: { localId: localOf(w, where).id, userId: user.id, role: 'BOARD_MEMBER' } },
      };
    },
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toEqual({ grantRole: { id: expect.any(String), role: 'BOARD_MEMBER' } }),
  },
  'Mutation.revokeRole': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const user = await makeUser(t.db);
      const id = await grant(t.db, local.id, user.id, Role.ORGANIZER);
      return { query: 'mutation($id: ID!) { revokeRole(id: $id) }', variables: { id } };
    },
    // Another local's grant reads as missing to an admin; roles that cannot revoke anywhere are refused.
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'NOT_FOUND'),
      ORGANIZER: both('FORBIDDEN'),
      STEWARD: both('FORBIDDEN'),
      BOARD_MEMBER: both('FORBIDDEN'),
    },
    check: (data) => expect(data).toEqual({ revokeRole: true }),
  },

  'Query.mySessions': {
    call: async () => ({ query: '{ mySessions { id current } }' }),
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    check: (data) =>
      expect(
        (data as { mySessions: { current: boolean }[] }).mySessions.filter((s) => s.current),
      ).toHaveLength(1),
  },
  'Mutation.endSession': {
    // The viewer's own session, or one of the same role's user in the other local: never theirs to end.
    call: async (t, w, where, viewer) => ({
      query: 'mutation($id: ID!) { endSession(id: $id) }',
      variables: {
        id:
          viewer === 'anonymous'
            ? '00000000-0000-4000-8000-000000000000'
            : await makeSession(t.db, localOf(w, where).users[viewer].id),
      },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'NOT_FOUND'),
      ORGANIZER: ownOnly('ok', 'NOT_FOUND'),
      STEWARD: ownOnly('ok', 'NOT_FOUND'),
      BOARD_MEMBER: ownOnly('ok', 'NOT_FOUND'),
    },
    check: (data) => expect(data).toEqual({ endSession: true }),
  },
  'Mutation.endOtherSessions': {
    call: async (t, w, _where, viewer) => {
      if (viewer !== 'anonymous') await makeSession(t.db, w.own.users[viewer].id);
      return { query: 'mutation { endOtherSessions }' };
    },
    expect: { LOCAL_ADMIN: both('ok'), ORGANIZER: both('ok'), STEWARD: both('ok'), BOARD_MEMBER: both('ok') },
    check: (data) => expect(data).toEqual({ endOtherSessions: 1 }),
  },
  'Mutation.endUserSessions': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const user = await makeUser(t.db);
      await grant(t.db, local.id, user.id, Role.ORGANIZER);
      await makeSession(t.db, user.id);
      return {
        query: 'mutation($l: ID!, $u: ID!) { endUserSessions(localId: $l, userId: $u) }',
        variables: { l: local.id, u: user.id },
      };
    },
    expect: adminOnlyByLocal,
    check: (data) => expect(data).toEqual({ endUserSessions: 1 }),
  },

  'Query.workplaces': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { workplaces(localId: $l) { totalCount nodes { id } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: everyRoleOwnLocal,
    // A steward sees the workplaces of their assignment only.
    check: (data, w, viewer) => {
      const ids = (data as { workplaces: { nodes: { id: string }[] } }).workplaces.nodes
        .map((n) => n.id)
        .sort();
      expect(ids).toEqual(
        (viewer === 'STEWARD' ? [w.own.assigned] : [w.own.assigned, w.own.unassigned]).sort(),
      );
    },
  },
  'Query.workplace': {
    call: async (_t, w, where) => ({
      query: 'query($id: ID!) { workplace(id: $id) { id memberCount } }',
      variables: { id: localOf(w, where).assigned },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: ownOnly('ok', 'null'),
    },
    check: (data, w) => expect(data).toMatchObject({ workplace: { id: w.own.assigned } }),
  },
  'Mutation.createWorkplace': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: WorkplaceInput!) { createWorkplace(input: $input) { id units { name } } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          name: `Site ${unique()}`,
          kind: 'WORKSITE',
          units: ['Day', 'Night'],
        },
      },
    }),
    expect: organizingOwnLocal,
    check: (data) =>
      expect(data).toMatchObject({ createWorkplace: { units: [{ name: 'Day' }, { name: 'Night' }] } }),
  },
  'Mutation.updateWorkplace': {
    call: async (_t, w, where) => ({
      query:
        'mutation($id: ID!, $input: UpdateWorkplaceInput!) { updateWorkplace(id: $id, input: $input) { id address } }',
      variables: { id: localOf(w, where).assigned, input: { address: `${unique()} Main St` } },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.archiveWorkplace': {
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { archiveWorkplace(id: $id) { id archivedAt } }',
      variables: { id: await makeWorkplace(t.db, localOf(w, where).id) },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toMatchObject({ archiveWorkplace: { archivedAt: expect.any(String) } }),
  },
  'Query.members': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { members(localId: $l, first: 100) { nodes { id workplace { id } } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: organizingAndStewardsOwnLocal,
    // A steward's list is narrowed to their assigned workplace, silently.
    check: (data, w, viewer) => {
      const nodes = (data as { members: { nodes: { workplace: { id: string } | null }[] } }).members.nodes;
      if (viewer === 'STEWARD') expect(nodes.every((n) => n.workplace?.id === w.own.assigned)).toBe(true);
    },
  },
  'Query.member': {
    call: async (t, w, where) => ({
      query: 'query($id: ID!) { member(id: $id) { id firstName } }',
      variables: { id: await memberIn(t, w, where) },
    }),
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
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { archiveMember(id: $id) { id archivedAt } }',
      variables: { id: await memberIn(t, w, where) },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.eraseMember': {
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { eraseMember(id: $id) }',
      variables: { id: await memberIn(t, w, where) },
    }),
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
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { exportMembers(localId: $l) }',
      variables: { l: localOf(w, where).id },
    }),
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
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { dismissPossibleDuplicate(id: $id) }',
      variables: { id: (await duplicateIn(t, w, where)).id },
    }),
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

  'Query.oneOnOnes': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { oneOnOnes(localId: $l) { totalCount nodes { id notes } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: organizingAndStewardsOwnLocal,
  },
  'Query.myFollowUps': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { myFollowUps(localId: $l) { id followUpAt } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: organizingAndStewardsOwnLocal,
  },
  'Mutation.logOneOnOne': {
    call: async (t, w, where) => ({
      query: 'mutation($input: LogOneOnOneInput!) { logOneOnOne(input: $input) { id notes member { id } } }',
      variables: {
        input: {
          memberId: await memberIn(t, w, where),
          occurredAt: new Date().toISOString(),
          channel: 'PHONE',
          supportLevel: 2,
          notes: 'Ready to sign.',
        },
      },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toMatchObject({ logOneOnOne: { notes: 'Ready to sign.' } }),
  },
  'Mutation.completeFollowUp': {
    // The viewer's own conversation: the steward who logged it may complete its follow-up.
    call: async (t, w, where, viewer) => {
      const local = localOf(w, where);
      const author = viewer === 'anonymous' ? local.users.ORGANIZER.id : w.own.users[viewer as Role].id;
      const id = await makeOneOnOne(t.db, local.id, await memberIn(t, w, where), author);
      return {
        query: 'mutation($id: ID!) { completeFollowUp(id: $id) { id followUpDoneAt } }',
        variables: { id },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toMatchObject({ completeFollowUp: { followUpDoneAt: expect.any(String) } }),
  },

  'Query.petitions': {
    call: async (_t, w, where) => ({
      query: 'query($l: ID!) { petitions(localId: $l) { totalCount nodes { id goal progress } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: everyRoleOwnLocal,
  },
  'Query.petition': {
    call: async (t, w, where) => ({
      query: 'query($id: ID!) { petition(id: $id) { id signatureCount } }',
      variables: {
        id: await makePetition(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned }),
      },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: ownOnly('ok', 'null'),
    },
  },
  'Mutation.createPetition': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: PetitionInput!) { createPetition(input: $input) { id goal status } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          title: 'No raids',
          demand: 'Keep ICE out',
          target: 'Plant manager',
        },
      },
    }),
    expect: organizingOwnLocal,
    // The assigned site has a headcount of 40: a majority is 21.
    check: (data) =>
      expect(data).toEqual({ createPetition: { id: expect.any(String), goal: 21, status: 'DRAFT' } }),
  },
  'Mutation.openPetition': {
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { openPetition(id: $id) { status } }',
      variables: { id: await makePetition(t.db, localOf(w, where).id) },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toEqual({ openPetition: { status: 'OPEN' } }),
  },
  'Mutation.deliverPetition': {
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { deliverPetition(id: $id) { status } }',
      variables: { id: await makePetition(t.db, localOf(w, where).id, { status: 'OPEN' }) },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.closePetition': {
    call: async (t, w, where) => ({
      query: 'mutation($id: ID!) { closePetition(id: $id, status: CLOSED) { status } }',
      variables: { id: await makePetition(t.db, localOf(w, where).id, { status: 'OPEN' }) },
    }),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
  },
  'Mutation.addSignature': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      return {
        query:
          'mutation($input: AddSignatureInput!) { addSignature(input: $input) { id method member { id } } }',
        variables: {
          input: {
            petitionId: await makePetition(t.db, local.id, { workplaceId: local.assigned, status: 'OPEN' }),
            memberId: await memberIn(t, w, where),
            method: 'PAPER',
          },
        },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
  },
  'Mutation.removeSignature': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const petition = await makePetition(t.db, local.id, { status: 'OPEN' });
      const id = await makeSignature(
        t.db,
        local.id,
        petition,
        await memberIn(t, w, where),
        local.users.ORGANIZER.id,
      );
      return { query: 'mutation($id: ID!) { removeSignature(id: $id) }', variables: { id } };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
    check: (data) => expect(data).toEqual({ removeSignature: true }),
  },

  'Query.campaigns': {
    call: async (_t, w, where) => ({
      query:
        'query($l: ID!) { campaigns(localId: $l) { totalCount nodes { id stage progress { percent } } } }',
      variables: { l: localOf(w, where).id },
    }),
    expect: everyRoleOwnLocal,
  },
  'Query.campaign': {
    call: async (t, w, where) => ({
      query: 'query($id: ID!) { campaign(id: $id) { id stageHistory { to } } }',
      variables: { id: await makeCampaign(t.db, localOf(w, where).id) },
    }),
    expect: {
      LOCAL_ADMIN: ownOnly('ok', 'null'),
      ORGANIZER: ownOnly('ok', 'null'),
      STEWARD: ownOnly('ok', 'null'),
      BOARD_MEMBER: ownOnly('ok', 'null'),
    },
  },
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
