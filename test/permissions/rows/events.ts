import { makeEvent } from '@juntos/test-support';
import { byId, byIdWrite, listInLocal, localOf, memberIn, organizingOwnLocal, readById, Row } from '../row';

/** The events module's root operations. */
export const ROWS: Record<string, Row> = {
  'Query.events': listInLocal(
    'query($l: ID!) { events(localId: $l) { totalCount nodes { id rsvpCount attendedCount } } }',
  ),
  'Query.event': readById(
    'query($id: ID!) { event(id: $id) { id rsvpCount attendedCount } }',
    (t, w, where) => makeEvent(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned }),
  ),
  'Mutation.createEvent': {
    call: async (_t, w, where) => ({
      query: 'mutation($input: EventInput!) { createEvent(input: $input) { id kind status timezone } }',
      variables: {
        input: {
          localId: localOf(w, where).id,
          workplaceId: localOf(w, where).assigned,
          kind: 'KYR_TRAINING',
          title: 'Know your rights',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          timezone: 'America/Los_Angeles',
        },
      },
    }),
    expect: organizingOwnLocal,
    check: (data) =>
      expect(data).toEqual({
        createEvent: {
          id: expect.any(String),
          kind: 'KYR_TRAINING',
          status: 'SCHEDULED',
          timezone: 'America/Los_Angeles',
        },
      }),
  },
  'Mutation.updateEvent': {
    call: byId(
      'mutation($id: ID!) { updateEvent(id: $id, input: { title: "Red card training" }) { title } }',
      (t, w, where) => makeEvent(t.db, localOf(w, where).id),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toEqual({ updateEvent: { title: 'Red card training' } }),
  },
  'Mutation.cancelEvent': {
    call: byId('mutation($id: ID!) { cancelEvent(id: $id) { status } }', (t, w, where) =>
      makeEvent(t.db, localOf(w, where).id),
    ),
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true }),
    check: (data) => expect(data).toEqual({ cancelEvent: { status: 'CANCELLED' } }),
  },
  'Mutation.rsvp': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      return {
        query: 'mutation($input: RsvpInput!) { rsvp(input: $input) { id rsvp attended member { id } } }',
        variables: {
          input: {
            eventId: await makeEvent(t.db, local.id, {
              workplaceId: local.assigned,
              startsAt: new Date(Date.now() + 86_400_000),
            }),
            memberId: await memberIn(t, w, where),
            status: 'ACCEPTED',
          },
        },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
  },
  'Mutation.recordAttendance': {
    call: async (t, w, where) => {
      const local = localOf(w, where);
      return {
        query:
          'mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id rsvp attended member { id } } }',
        variables: {
          input: {
            eventId: await makeEvent(t.db, local.id, { workplaceId: local.assigned }),
            memberIds: [await memberIn(t, w, where)],
            attended: true,
          },
        },
      };
    },
    expect: byIdWrite({ LOCAL_ADMIN: true, ORGANIZER: true, STEWARD: true }),
  },
};
