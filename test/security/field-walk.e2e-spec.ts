import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType, parse } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { useAlertGateway, useWorld } from '@juntos/test-support';
import { FieldWalk } from './field-walk';

/**
 * For every object type reachable from the served schema, as every role, the platform admin, a
 * user without a role and an anonymous caller: every path of up to MAX_HOPS objects from every
 * root, over records of an assigned and an unassigned workplace and of another local. Whatever a
 * root query refuses must be null or FORBIDDEN on every path (PERMISSIONS.md: a nested record
 * never shows more than the root query for it would). The queries come from the schema object
 * the app serves, so a new field or type is walked without editing this file.
 */
const MAX_HOPS = 5;
const FIRST = 10;
const NESTED_FIRST = 5;
/** The only errors a refusal may answer with. */
const REFUSALS = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'];

describe('field walk: no path shows what its root query refuses', () => {
  // A channel for text messages, so a seeded alert can be approved (and its approver walked).
  const gateway = useAlertGateway();
  // One root field per request, so aliases never matter; generous bounds so whole trees run
  // in one request (a refused request is walked in pieces anyway). Added to the gateway's
  // settings object itself, which its beforeAll fills before the app is made.
  const ctx = useWorld(
    Object.assign(gateway.env, {
      GRAPHQL_MAX_DEPTH: '30',
      GRAPHQL_MAX_TOKENS: '100000',
      GRAPHQL_MAX_COST: '10000000',
    }),
  );
  const labels = new Map<string, string>();
  let walk: FieldWalk;
  let roots: { field: string; args: string }[] = [];

  /** A seeding call that must succeed. */
  async function must<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const res = await ctx.t.gql<T>(token, query, variables);
    if (res.errors?.length) throw new Error(`seeding failed: ${JSON.stringify(res.errors)}\n${query}`);
    return res.data!;
  }

  /** One of each kind of record in the assigned and the unassigned workplace, and local-wide. */
  async function seedLocal(name: 'own' | 'other') {
    const L = ctx.w[name];
    const org = L.users.ORGANIZER.token;
    const steward = L.users.STEWARD.token;
    labels.set(L.id, `${name}.local`);
    const membersBySite: Record<string, string[]> = {};
    let n = 0;
    for (const site of ['assigned', 'unassigned'] as const) {
      const wid = L[site];
      labels.set(wid, `${name}.${site}`);
      const updated = await must<{ updateWorkplace: { units: { id: string; name: string }[] } }>(
        org,
        'mutation($id: ID!, $input: UpdateWorkplaceInput!) { updateWorkplace(id: $id, input: $input) { units { id name } } }',
        {
          id: wid,
          input: {
            address: `${n + 1} Main St`,
            employer: `${name} ${site} employer`,
            units: ['Day shift', 'Night shift'],
          },
        },
      );
      for (const u of updated.updateWorkplace.units) labels.set(u.id, `${name}.${site}.unit(${u.name})`);
      membersBySite[site] = [];
      for (const [i, unit] of updated.updateWorkplace.units.entries()) {
        n++;
        const m = await must<{ createMember: { id: string } }>(
          org,
          'mutation($input: MemberInput!) { createMember(input: $input) { id } }',
          {
            input: {
              localId: L.id,
              workplaceId: wid,
              unitId: unit.id,
              firstName: `Worker${n}`,
              lastName: `${name} ${site}`,
              email: `worker${n}-${name}@example.org`,
              phone: `+1202555${String(1000 + n)}`,
              tags: ['walk'],
            },
          },
        );
        labels.set(m.createMember.id, `${name}.${site}.member${i + 1}`);
        membersBySite[site].push(m.createMember.id);
      }
    }
    const loose = await must<{ createMember: { id: string } }>(
      org,
      'mutation($input: MemberInput!) { createMember(input: $input) { id } }',
      { input: { localId: L.id, firstName: 'Unplaced', lastName: `${name} member` } },
    );
    labels.set(loose.createMember.id, `${name}.noWorkplace.member`);

    // Conversations: the organizer's with everyone, the steward's own with an assigned member.
    const LOG = 'mutation($input: LogOneOnOneInput!) { logOneOnOne(input: $input) { id } }';
    const log = async (token: string, memberId: string, who: string) => {
      const o = await must<{ logOneOnOne: { id: string } }>(token, LOG, {
        input: {
          memberId,
          occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
          channel: 'IN_PERSON',
          supportLevel: 2,
          issues: ['raids'],
          notes: `Notes about ${labels.get(memberId)}`,
          nextStep: 'Bring a coworker',
          followUpAt: new Date(Date.now() - 3_600_000).toISOString(),
        },
      });
      labels.set(o.logOneOnOne.id, `${labels.get(memberId)}.oneOnOne(${who})`);
    };
    for (const m of [...membersBySite.assigned, ...membersBySite.unassigned, loose.createMember.id])
      await log(org, m, 'organizer');
    await log(steward, membersBySite.assigned[0], 'steward');

    // A steward's write meeting the contact details of a member outside their workplaces: where
    // the API keeps it and flags a possible duplicate, that record is walked too (before that
    // change it was refused with CONFLICT, and there is nothing more to seed).
    const dup = await ctx.t.gql<{ createMember: { id: string } }>(
      steward,
      'mutation($input: MemberInput!) { createMember(input: $input) { id } }',
      {
        input: {
          localId: L.id,
          workplaceId: L.assigned,
          firstName: 'Same',
          lastName: `${name} email`,
          email: `worker3-${name}@example.org`,
        },
      },
    );
    if (dup.data?.createMember) labels.set(dup.data.createMember.id, `${name}.assigned.duplicateOfMember3`);

    // Petitions: one per workplace and one local-wide, open, each signed by its members.
    const petitions: string[] = [];
    for (const site of ['assigned', 'unassigned', null] as const) {
      const p = await must<{ createPetition: { id: string } }>(
        org,
        'mutation($input: PetitionInput!) { createPetition(input: $input) { id } }',
        {
          input: {
            localId: L.id,
            workplaceId: site ? L[site] : undefined,
            title: `${name} ${site ?? 'local-wide'} petition`,
            demand: 'No immigration agents in non-public areas without a judicial warrant',
            target: 'The employer',
            goal: site ? undefined : 3,
          },
        },
      );
      const id = p.createPetition.id;
      labels.set(id, `${name}.${site ?? 'localWide'}.petition`);
      petitions.push(id);
      await must(org, 'mutation($id: ID!) { openPetition(id: $id) { id } }', { id });
      const signers = site ? membersBySite[site] : [loose.createMember.id, membersBySite.unassigned[0]];
      for (const memberId of signers) {
        const s = await must<{ addSignature: { id: string } }>(
          org,
          'mutation($input: AddSignatureInput!) { addSignature(input: $input) { id } }',
          { input: { petitionId: id, memberId, method: 'PAPER' } },
        );
        labels.set(s.addSignature.id, `${labels.get(id)}.signature(${labels.get(memberId)})`);
      }
    }

    // A campaign linking all three petitions, with a milestone, a stage history and a vote.
    const c = await must<{ createCampaign: { id: string } }>(
      org,
      'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
      {
        input: {
          localId: L.id,
          title: `${name} campaign`,
          resolutionText: 'Resolved: no raids at work.',
          decisionBody: 'EXECUTIVE_BOARD',
        },
      },
    );
    const campaignId = c.createCampaign.id;
    labels.set(campaignId, `${name}.campaign`);
    const ms = await must<{ addMilestone: { id: string } }>(
      org,
      'mutation($input: MilestoneInput!) { addMilestone(input: $input) { id } }',
      { input: { campaignId, title: 'Majority petition' } },
    );
    labels.set(ms.addMilestone.id, `${name}.campaign.milestone`);
    for (const petitionId of petitions)
      await must(org, 'mutation($c: ID!, $p: ID!) { linkPetition(campaignId: $c, petitionId: $p) { id } }', {
        c: campaignId,
        p: petitionId,
      });
    for (const stage of ['BUILDING_SUPPORT', 'INTRODUCED'])
      await must(org, 'mutation($input: AdvanceStageInput!) { advanceCampaignStage(input: $input) { id } }', {
        input: { campaignId, stage, note: `to ${stage}` },
      });
    await must(org, 'mutation($input: RecordVoteInput!) { recordVote(input: $input) { id } }', {
      input: { campaignId, votesFor: 5, votesAgainst: 2, abstentions: 1, heldAt: new Date().toISOString() },
    });

    // Events: a KYR training per workplace and one local-wide, started an hour ago, each with
    // RSVPs and attendance of its members; and an upcoming meeting for the dashboard.
    for (const site of ['assigned', 'unassigned', null] as const) {
      const e = await must<{ createEvent: { id: string } }>(
        org,
        'mutation($input: EventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            localId: L.id,
            workplaceId: site ? L[site] : undefined,
            kind: 'KYR_TRAINING',
            title: `${name} ${site ?? 'local-wide'} training`,
            startsAt: new Date(Date.now() - 3_600_000).toISOString(),
            timezone: 'America/Chicago',
          },
        },
      );
      const id = e.createEvent.id;
      labels.set(id, `${name}.${site ?? 'localWide'}.event`);
      const people = site ? membersBySite[site] : [loose.createMember.id, membersBySite.unassigned[0]];
      for (const memberId of people) {
        const r = await must<{ rsvp: { id: string } }>(
          org,
          'mutation($input: RsvpInput!) { rsvp(input: $input) { id } }',
          { input: { eventId: id, memberId, status: 'ACCEPTED' } },
        );
        labels.set(r.rsvp.id, `${labels.get(id)}.attendance(${labels.get(memberId)})`);
      }
      await must(org, 'mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', {
        input: { eventId: id, memberIds: people, attended: true },
      });
    }
    const upcoming = await must<{ createEvent: { id: string } }>(
      org,
      'mutation($input: EventInput!) { createEvent(input: $input) { id } }',
      {
        input: {
          localId: L.id,
          kind: 'MEETING',
          title: `${name} general meeting`,
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          capacity: 50,
        },
      },
    );
    labels.set(upcoming.createEvent.id, `${name}.upcoming.event`);

    // Committees: one per workplace and one local-wide, each with a captain (of a unit, where it
    // has a workplace) keeping in touch with the others.
    for (const site of ['assigned', 'unassigned', null] as const) {
      const c = await must<{ createCommittee: { id: string } }>(
        org,
        'mutation($input: CommitteeInput!) { createCommittee(input: $input) { id } }',
        {
          input: {
            localId: L.id,
            workplaceId: site ? L[site] : undefined,
            kind: site ? 'ORGANIZING_COMMITTEE' : 'DEFENSE_COMMITTEE',
            name: `${name} ${site ?? 'local-wide'} committee`,
          },
        },
      );
      const id = c.createCommittee.id;
      labels.set(id, `${name}.${site ?? 'localWide'}.committee`);
      const people = site ? membersBySite[site] : [loose.createMember.id, membersBySite.unassigned[0]];
      const [captain, ...contacts] = people;
      const unitId = site
        ? ((await ctx.t.db.query(`select unit_id from member where id = $1`, [captain])).rows[0]
            .unit_id as string)
        : undefined;
      const seat = await must<{ addCommitteeMember: { id: string } }>(
        org,
        'mutation($input: CommitteeMembershipInput!) { addCommitteeMember(input: $input) { id } }',
        { input: { committeeId: id, memberId: captain, role: 'CAPTAIN', unitId } },
      );
      labels.set(seat.addCommitteeMember.id, `${labels.get(id)}.membership(${labels.get(captain)})`);
      await must(org, 'mutation($input: AssignContactsInput!) { assignContacts(input: $input) { id } }', {
        input: { membershipId: seat.addCommitteeMember.id, memberIds: contacts },
      });
    }

    // Rapid response: a responder covering the assigned workplace; an incident at each workplace
    // (the steward reports theirs) and one with no workplace (a checkpoint on a road), each
    // verified with a note and with an alert proposed by the organizer. The checkpoint's alert is
    // approved by the admin, and goes out to the responder through the gateway.
    const responder = await must<{ setResponder: { id: string } }>(
      org,
      'mutation($input: ResponderInput!) { setResponder(input: $input) { id } }',
      {
        input: {
          memberId: membersBySite.assigned[0],
          skills: ['VERIFIER', 'INTERPRETER'],
          workplaceIds: [L.assigned],
          available: true,
        },
      },
    );
    labels.set(responder.setResponder.id, `${name}.assigned.responder`);
    for (const site of ['assigned', 'unassigned', null] as const) {
      const where = site ?? 'noWorkplace';
      const r = await must<{ reportIncident: { id: string } }>(
        site === 'assigned' ? steward : org,
        'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
        {
          input: {
            localId: L.id,
            workplaceId: site ? L[site] : undefined,
            kind: site ? 'WORKPLACE_RAID' : 'CHECKPOINT',
            location: site ? `${name} ${site} loading dock` : `${name} corner of 5th and Main`,
            details: `Details of the ${name} ${where} incident`,
          },
        },
      );
      const incidentId = r.reportIncident.id;
      labels.set(incidentId, `${name}.${where}.incident`);
      const v = await must<{ verifyIncident: { verifications: { id: string }[] } }>(
        org,
        'mutation($input: VerifyIncidentInput!) { verifyIncident(input: $input) { verifications { id } } }',
        { input: { incidentId, outcome: 'CONFIRMED', note: `Note on the ${name} ${where} incident` } },
      );
      labels.set(v.verifyIncident.verifications[0].id, `${name}.${where}.incident.verification`);
      const a = await must<{ proposeAlert: { id: string } }>(
        org,
        'mutation($input: ProposeAlertInput!) { proposeAlert(input: $input) { id } }',
        {
          input: {
            incidentId,
            audience: site ? 'WORKPLACE_MEMBERS' : 'RESPONDERS',
            message: `Alert about the ${name} ${where} incident`,
          },
        },
      );
      labels.set(a.proposeAlert.id, `${name}.${where}.incident.alert`);
      if (!site)
        await must(L.users.LOCAL_ADMIN.token, 'mutation($id: ID!) { approveAlert(id: $id) { id } }', {
          id: a.proposeAlert.id,
        });
    }

    // An OSDI API token, made by the admin.
    const token = await must<{ createApiToken: { id: string } }>(
      L.users.LOCAL_ADMIN.token,
      'mutation($input: ApiTokenInput!) { createApiToken(input: $input) { id } }',
      { input: { localId: L.id, name: `${name} sync`, scopes: ['OSDI_READ'] } },
    );
    labels.set(token.createApiToken.id, `${name}.apiToken`);

    // A pending invitation, made by the admin (pendingInvitations lists it).
    const invitation = await must<{ createInvitation: { id: string } }>(
      L.users.LOCAL_ADMIN.token,
      'mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id } }',
      { input: { localId: L.id, email: `${name}.invitee@example.org`, role: 'ORGANIZER' } },
    );
    labels.set(invitation.createInvitation.id, `${name}.invitation`);
  }

  beforeAll(async () => {
    const { t, w } = ctx;
    const started = Date.now();
    await seedLocal('own');
    await seedLocal('other');
    for (const [name, L] of [
      ['own', w.own],
      ['other', w.other],
    ] as const)
      for (const [role, u] of Object.entries(L.users)) labels.set(u.id, `${name}.${role}`);
    labels.set(w.platformAdmin.id, 'platformAdmin');
    labels.set(w.nobody.id, 'nobody');

    const viewers: [string, string | null][] = [
      ['LOCAL_ADMIN', w.own.users.LOCAL_ADMIN.token],
      ['ORGANIZER', w.own.users.ORGANIZER.token],
      ['STEWARD', w.own.users.STEWARD.token],
      ['BOARD_MEMBER', w.own.users.BOARD_MEMBER.token],
      ['platform admin', w.platformAdmin.token],
      ['no role', w.nobody.token],
      ['anonymous', null],
      // Sees the other local's records, so their ids are walked from the by-id roots too.
      ['other LOCAL_ADMIN', w.other.users.LOCAL_ADMIN.token],
    ];
    const seeded = Date.now();
    const schema = t.app.get(GraphQLSchemaHost).schema;
    walk = new FieldWalk(
      schema,
      async (token, query) => {
        const res = await t.gql(token, query);
        return { data: res.data, errors: res.errors };
      },
      {
        maxHops: MAX_HOPS,
        first: FIRST,
        nestedFirst: NESTED_FIRST,
        // The estimate the server's cost limit makes, so that whole trees go in as few requests
        // as it accepts (the server stays the judge: a refused request is split further).
        cost: (query) =>
          getComplexity({
            schema,
            query: parse(query),
            variables: {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          }),
        budget: t.env.GRAPHQL_MAX_COST,
      },
      labels,
    );
    const queryType = schema.getQueryType()!;
    const rootTree = (r: { field: string; args: string }) =>
      walk.tree(queryType, queryType.getFields()[r.field], r.args);
    const rootLabel = (r: { field: string; args: string }) =>
      `${r.field}${r.args ? `(${r.args.replace(/"([^"]+)"/g, (_, id: string) => walk.label(id))})` : ''}`;
    const runAll = async (list: { field: string; args: string }[]) => {
      const jobs = viewers.flatMap(([v, token]) =>
        list.map((r) => () => walk.run(v, token, rootTree(r), rootLabel(r))),
      );
      // Four requests in flight: the app's pool has five connections.
      const next = async (): Promise<void> => {
        const job = jobs.shift();
        if (job) await job().then(next);
      };
      await Promise.all([next(), next(), next(), next()]);
    };

    // First the roots that need no record id; then every by-id root with every id seen so far.
    const localIds = [w.own.id, w.other.id];
    const byId = new Set(walk.rootById.values());
    const first = walk.roots({ localIds, idsOf: () => [] }).filter((r) => !byId.has(r.field));
    await runAll(first);
    const idsOf = (type: string) => [
      ...new Set(walk.occurrences.filter((o) => o.type === type).map((o) => o.id)),
    ];
    const second = walk.roots({ localIds, idsOf }).filter((r) => byId.has(r.field));
    await runAll(second);
    roots = [...first, ...second];
    if (process.env.FIELD_WALK_STATS)
      console.info(
        `field walk: seeded in ${seeded - started} ms, walked in ${Date.now() - seeded} ms; ${roots.length} root calls × ${viewers.length} viewers, ${walk.queries} requests, ` +
          `${walk.generatedPaths.size} object paths, ${walk.occurrences.length} records seen, ${walk.errors.length} refusals, ${walk.splits.length} split by the server, ` +
          `${walk.overLimit.size} paths over the cost limit`,
        walk.splits.slice(0, 10),
        [...walk.overLimit].slice(0, 10),
      );
  }, 300_000);

  it('walks every object type reachable from Query, along the paths that leaked before', () => {
    const seen = new Set(walk.occurrences.map((o) => o.type));
    const expected = [...walk.reachableTypes()].filter((name) => {
      const t = walk.schema.getType(name) as GraphQLObjectType;
      return name !== 'Query' && !!t.getFields().id;
    });
    // Every type with an id was seen as some record, or its paths were walked over nothing: a
    // type listed here needs a record of it made in seedLocal.
    expect(expected.filter((name) => !seen.has(name))).toEqual([]);
    // Every kind of root-by-id record of the world is walked as a root.
    for (const field of ['workplace', 'member', 'petition', 'campaign', 'local'])
      expect(roots.some((r) => r.field === field)).toBe(true);
    // The paths of the steward leak (issue 13) are generated, and answered with records (not
    // left out as over the cost limit).
    for (const path of [
      'petition.workplace',
      'petitions.nodes.workplace',
      'petition.byUnit.unit',
      'campaign.petitions.workplace',
      'localDashboard.workplaces.workplace',
    ]) {
      expect(walk.generatedPaths).toContain(`Query.${path}`);
      const [root, ...rest] = path.split('.');
      const answered = walk.occurrences.some(
        (o) => o.viewer === 'LOCAL_ADMIN' && o.path.replace(/\(.*?\)/, '') === [root, ...rest].join('.'),
      );
      expect({ path, answered }).toEqual({ path, answered: true });
    }
    expect(walk.gaps).toEqual([]);
  });

  it('no path shows a record, or a field of one, that the root query for it refuses', async () => {
    const leaks = await walk.leaks();
    expect(leaks).toEqual([]);
  });

  it('every error on a path is a refusal (FORBIDDEN, NOT_FOUND or UNAUTHENTICATED), never a failure', () => {
    const failures = [
      ...new Set(
        walk.errors
          .filter((e) => !REFUSALS.includes(e.code))
          .map((e) => `${e.viewer}: ${e.path}: ${e.code} ${e.message}`),
      ),
    ];
    expect(failures).toEqual([]);
  });
});
