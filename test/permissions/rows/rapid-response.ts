import {
  makeAlert,
  makeIncident,
  makeMember,
  makeResponder,
  makeUser,
  TestApp,
  Viewer,
  World,
} from '@juntos/test-support';
import {
  byId,
  byIdWrite,
  everyRoleOwnLocal,
  localOf,
  memberIn,
  organizingAndStewardsOwnLocal,
  organizingOwnLocal,
  readById,
  Row,
  unique,
  Where,
} from '../row';

/** Those who verify, close and alert (`incidents:respond`) and keep the roster (`responders:manage`). */
const responding = byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true });
const seesDetails = (viewer: Viewer) => viewer === 'LOCAL_ADMIN' || viewer === 'ORGANIZER';
/** The caller's user in their own local (allowed calls are made there). */
const caller = (w: World, viewer: Viewer) => (viewer === 'anonymous' ? null : w.own.users[viewer].id);

/**
 * An incident of the local's unassigned workplace, with an alert its organizer proposed: every
 * role reads incidents of the whole local, the steward included (`incidents:read`), though not
 * the workplace itself.
 */
const incidentIn = async (
  t: TestApp,
  w: World,
  where: Where,
  { kind = 'WORKPLACE_RAID', status = 'CONFIRMED' } = {},
) => {
  const local = localOf(w, where);
  const id = await makeIncident(t.db, local.id, { workplaceId: local.unassigned, kind, status });
  await makeAlert(t.db, local.id, id, local.users.ORGANIZER.id, { message: 'Stay away from the north gate' });
  return id;
};

/** A confirmed incident of the steward-assigned workplace. */
const confirmedIn = (t: TestApp, w: World, where: Where) =>
  makeIncident(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned, status: 'CONFIRMED' });

interface IncidentView {
  kind: string;
  status: string;
  location: string | null;
  details: string | null;
  workplace: { id: string } | null;
  alerts: { status: string; message: string }[];
}

/**
 * What each role reads of `incidentIn`'s incident: the place for all but the board
 * (`incidents:place`), the alerts for organizers and admins (`incidents:details`), the
 * workplace where `workplace(id)` shows it (not to the steward: it is not theirs).
 */
const incidentAs = (
  w: World,
  viewer: Viewer,
  kind = 'WORKPLACE_RAID',
  status = 'CONFIRMED',
): IncidentView => ({
  kind,
  status,
  location: viewer === 'BOARD_MEMBER' ? null : 'North gate',
  details: null,
  workplace: viewer === 'STEWARD' ? null : { id: w.own.unassigned },
  alerts: seesDetails(viewer) ? [{ status: 'PROPOSED', message: 'Stay away from the north gate' }] : [],
});

const INCIDENT_FIELDS = 'id kind status location details workplace { id } alerts { status message }';

/** Set by `Query.responders`' call, read by its check (the matrix runs one case at a time). */
let listedResponder: string | undefined;

/** The rapid-response module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.incidents': {
    // A surveillance report left unconfirmed: the newest of that status in the local.
    call: async (t, w, where) => {
      await incidentIn(t, w, where, { kind: 'SURVEILLANCE', status: 'UNCONFIRMED' });
      return {
        query: `query($l: ID!) { incidents(localId: $l, status: UNCONFIRMED, first: 1) { totalCount nodes { ${INCIDENT_FIELDS} } } }`,
        variables: { l: localOf(w, where).id },
      };
    },
    expect: everyRoleOwnLocal,
    check: (data, w, viewer) => {
      const { incidents } = data as { incidents: { totalCount: number; nodes: IncidentView[] } };
      expect(incidents.totalCount).toBeGreaterThanOrEqual(1);
      expect(incidents.nodes).toEqual([
        { id: expect.any(String), ...incidentAs(w, viewer, 'SURVEILLANCE', 'UNCONFIRMED') },
      ]);
    },
  },
  'Query.incident': readById(
    `query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`,
    incidentIn,
    (data, w, viewer) =>
      expect(data).toEqual({ incident: { id: expect.any(String), ...incidentAs(w, viewer) } }),
  ),
  'Mutation.reportIncident': {
    call: async (_t, w, where) => ({
      query:
        'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id kind status location details workplace { id } } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          kind: 'WORKPLACE_RAID',
          location: 'Loading dock',
          details: 'Two unmarked vans, agents in vests',
        },
      },
    }),
    // Stewards at their assigned workplace; never the board.
    expect: organizingAndStewardsOwnLocal,
    check: (data, w, viewer) =>
      expect(data).toEqual({
        reportIncident: {
          id: expect.any(String),
          kind: 'WORKPLACE_RAID',
          status: 'REPORTED',
          location: 'Loading dock',
          // The steward reports the details but may not read them back (`incidents:details`).
          details: seesDetails(viewer) ? 'Two unmarked vans, agents in vests' : null,
          workplace: { id: w.own.assigned },
        },
      }),
  },
  'Mutation.verifyIncident': {
    call: async (t, w, where) => ({
      query:
        'mutation($input: VerifyIncidentInput!) { verifyIncident(input: $input) { id status verifications { outcome note by { id } } } }',
      variables: {
        input: {
          incidentId: await makeIncident(t.db, localOf(w, where).id, {
            workplaceId: localOf(w, where).assigned,
          }),
          outcome: 'CONFIRMED',
          note: `Seen from across the street ${unique()}`,
        },
      },
    }),
    expect: responding,
    check: (data, w, viewer) =>
      expect(data).toEqual({
        verifyIncident: {
          id: expect.any(String),
          status: 'CONFIRMED',
          verifications: [
            {
              outcome: 'CONFIRMED',
              note: expect.stringMatching(/^Seen from across the street /),
              by: { id: caller(w, viewer) },
            },
          ],
        },
      }),
  },
  'Mutation.closeIncident': {
    // Its proposed alert is cancelled with it.
    call: byId('mutation($id: ID!) { closeIncident(id: $id) { id status alerts { status } } }', incidentIn),
    expect: responding,
    check: (data) =>
      expect(data).toEqual({
        closeIncident: { id: expect.any(String), status: 'CLOSED', alerts: [{ status: 'CANCELLED' }] },
      }),
  },
  'Mutation.proposeAlert': {
    call: async (t, w, where) => ({
      query:
        'mutation($input: ProposeAlertInput!) { proposeAlert(input: $input) { id audience message status recipientCount proposedBy { id } approvedBy { id } incident { id status } } }',
      variables: {
        input: {
          incidentId: await confirmedIn(t, w, where),
          audience: 'WORKPLACE_MEMBERS',
          message: 'Agents at the loading dock: stay inside, do not open the door.',
        },
      },
    }),
    expect: responding,
    check: (data, w, viewer) =>
      expect(data).toEqual({
        proposeAlert: {
          id: expect.any(String),
          audience: 'WORKPLACE_MEMBERS',
          message: 'Agents at the loading dock: stay inside, do not open the door.',
          status: 'PROPOSED',
          recipientCount: 0,
          proposedBy: { id: caller(w, viewer) },
          approvedBy: null,
          incident: { id: expect.any(String), status: 'CONFIRMED' },
        },
      }),
  },
  'Mutation.approveAlert': {
    // Proposed by someone else, for the members of the unassigned workplace who opted in to
    // alerts (no row makes one): approved, and sent to nobody at once, so no delivery is left
    // running after the case. The matrix's app has a webhook gateway (useAlertGateway), without
    // which no alert can be approved (BAD_USER_INPUT: no channel for text messages).
    call: async (t, w, where) => {
      const local = localOf(w, where);
      const incident = await makeIncident(t.db, local.id, {
        workplaceId: local.unassigned,
        status: 'CONFIRMED',
      });
      const proposer = await makeUser(t.db, { displayName: 'Proposer' });
      return {
        query:
          'mutation($id: ID!) { approveAlert(id: $id) { id audience status recipientCount sentAt proposedBy { id } approvedBy { id } } }',
        variables: {
          id: await makeAlert(t.db, local.id, incident, proposer.id, { audience: 'WORKPLACE_MEMBERS' }),
        },
      };
    },
    expect: responding,
    check: (data, w, viewer) => {
      const { approveAlert } = data as { approveAlert: { proposedBy: { id: string } } };
      expect(approveAlert.proposedBy.id).not.toBe(caller(w, viewer));
      expect(approveAlert).toEqual({
        id: expect.any(String),
        audience: 'WORKPLACE_MEMBERS',
        status: 'SENT',
        recipientCount: 0,
        sentAt: expect.any(String),
        proposedBy: { id: expect.any(String) },
        approvedBy: { id: caller(w, viewer) },
      });
    },
  },
  'Mutation.cancelAlert': {
    call: byId('mutation($id: ID!) { cancelAlert(id: $id) { id status } }', async (t, w, where) => {
      const local = localOf(w, where);
      return makeAlert(t.db, local.id, await confirmedIn(t, w, where), local.users.ORGANIZER.id);
    }),
    expect: responding,
    check: (data) => expect(data).toEqual({ cancelAlert: { id: expect.any(String), status: 'CANCELLED' } }),
  },
  'Query.responders': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      listedResponder = await makeResponder(t.db, local.id, await memberIn(t, w, where), {
        workplaceIds: [local.assigned],
        skills: ['INTERPRETER'],
        available: false,
      });
      return {
        query:
          'query($l: ID!) { responders(localId: $l, first: 100) { totalCount nodes { id skills available member { id } workplaces { id } } } }',
        variables: { l: local.id },
      };
    },
    expect: organizingOwnLocal,
    check: (data, w) => {
      const { responders } = data as { responders: { totalCount: number; nodes: { id: string }[] } };
      expect(responders.totalCount).toBe(responders.nodes.length);
      expect(responders.nodes.find((n) => n.id === listedResponder)).toEqual({
        id: listedResponder,
        skills: ['INTERPRETER'],
        available: false,
        member: { id: expect.any(String) },
        workplaces: [{ id: w.own.assigned }],
      });
    },
  },
  'Mutation.setResponder': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      return {
        query:
          'mutation($input: ResponderInput!) { setResponder(input: $input) { id skills available member { id } workplaces { id } } }',
        variables: {
          input: {
            memberId: await makeMember(t.db, local.id, {
              workplaceId: local.assigned,
              phone: '+12025550142',
            }),
            skills: ['VERIFIER', 'DRIVER'],
            workplaceIds: [local.assigned, local.unassigned],
            available: true,
          },
        },
      };
    },
    expect: responding,
    check: (data, w) => {
      const { setResponder } = data as { setResponder: { workplaces: { id: string }[] } };
      expect(setResponder).toEqual({
        id: expect.any(String),
        skills: ['VERIFIER', 'DRIVER'],
        available: true,
        member: { id: expect.any(String) },
        workplaces: expect.any(Array),
      });
      expect(setResponder.workplaces.map((p) => p.id).sort()).toEqual(
        [w.own.assigned, w.own.unassigned].sort(),
      );
    },
  },
  'Mutation.removeResponder': {
    call: byId('mutation($id: ID!) { removeResponder(memberId: $id) }', async (t, w, where) => {
      const local = localOf(w, where);
      const member = await memberIn(t, w, where);
      await makeResponder(t.db, local.id, member, { workplaceIds: [local.assigned] });
      return member;
    }),
    expect: responding,
    check: (data) => expect(data).toEqual({ removeResponder: true }),
  },
};
