import { Role } from '@juntos/common';
import {
  countStatements,
  grant,
  makeAttendance,
  makeEvent,
  makeLocal,
  makeMember,
  makeUser,
  useWorld,
  whileRowHeld,
} from '@juntos/test-support';

const CREATE = 'mutation($input: EventInput!) { createEvent(input: $input) { id status timezone } }';
const RSVP = 'mutation($input: RsvpInput!) { rsvp(input: $input) { id rsvp attended member { id } } }';
const ATTEND =
  'mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id rsvp attended member { id } recordedBy { id } } }';
const EVENT = `query($id: ID!) { event(id: $id) {
  id kind title status timezone capacity full rsvpCount attendedCount workplace { id } local { id }
  attendances { totalCount nodes { rsvp attended member { id } } }
} }`;

const hour = 3_600_000;
const day = 24 * hour;

describe('events and attendance', () => {
  const ctx = useWorld();
  const org = () => ctx.w.own.users.ORGANIZER.token;
  const steward = () => ctx.w.own.users.STEWARD.token;
  const board = () => ctx.w.own.users.BOARD_MEMBER.token;

  const create = (token: string, input: Record<string, unknown>) =>
    ctx.t.gql<{ createEvent: { id: string; status: string; timezone: string } }>(token, CREATE, {
      input: {
        localId: ctx.w.own.id,
        kind: 'KYR_TRAINING',
        title: 'Know your rights',
        startsAt: new Date(Date.now() + day).toISOString(),
        ...input,
      },
    });
  const rsvp = (token: string, eventId: string, memberId: string, status = 'ACCEPTED') =>
    ctx.t.gql<{ rsvp: { id: string; rsvp: string; attended: boolean | null } }>(token, RSVP, {
      input: { eventId, memberId, status },
    });
  const attend = (token: string, eventId: string, memberIds: string[], attended = true) =>
    ctx.t.gql<{
      recordAttendance: { id: string; rsvp: string | null; attended: boolean; member: { id: string } }[];
    }>(token, ATTEND, { input: { eventId, memberIds, attended } });
  const audits = async (action: string) =>
    (await ctx.t.db.query(`select count(*)::int as n from audit_event where action = $1`, [action])).rows[0]
      .n as number;

  it('an organizer schedules a KYR training, members RSVP through their steward, the steward takes attendance, and the dashboard counts who is trained', async () => {
    const { t, w } = ctx;
    const members: string[] = [];
    for (let i = 0; i < 4; i++)
      members.push(await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned }));
    const dashboard = async (token: string) =>
      (
        await t.gql<{
          localDashboard: {
            kyrTrainedCount: number;
            workplaces: { workplace: { id: string }; kyrTrainedCount: number }[];
          };
        }>(
          token,
          'query($l: ID!) { localDashboard(localId: $l) { kyrTrainedCount workplaces { workplace { id } kyrTrainedCount } } }',
          { l: w.own.id },
        )
      ).data!.localDashboard;
    const before = await dashboard(org());
    const trainedAt = (d: typeof before) =>
      d.workplaces.find((x) => x.workplace.id === w.own.assigned)!.kyrTrainedCount;

    // Scheduled an hour from now, in Los Angeles time, with room for 3.
    const created = await create(org(), {
      workplaceId: w.own.assigned,
      startsAt: new Date(Date.now() + hour).toISOString(),
      timezone: 'America/Los_Angeles',
      location: 'Union hall, room 2',
      capacity: 3,
    });
    expect(created.errors).toBeUndefined();
    const eventId = created.data!.createEvent.id;
    expect(created.data!.createEvent).toMatchObject({ status: 'SCHEDULED', timezone: 'America/Los_Angeles' });

    // The steward collects answers; a second answer replaces the first, and a fourth yes is past capacity.
    expect((await rsvp(steward(), eventId, members[0], 'TENTATIVE')).data!.rsvp.rsvp).toBe('TENTATIVE');
    for (const m of members) expect((await rsvp(steward(), eventId, m)).errors).toBeUndefined();
    await rsvp(steward(), eventId, members[3], 'DECLINED');
    let e = (await t.gql<{ event: Record<string, unknown> }>(org(), EVENT, { id: eventId })).data!.event;
    expect(e).toMatchObject({ rsvpCount: 3, attendedCount: 0, full: true, capacity: 3 });
    await rsvp(steward(), eventId, members[3]);
    e = (await t.gql<{ event: Record<string, unknown> }>(org(), EVENT, { id: eventId })).data!.event;
    expect(e).toMatchObject({ rsvpCount: 4, full: true });

    // Attendance before the start is refused.
    const early = await attend(steward(), eventId, members);
    expect(early.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // The training starts; the steward takes attendance in one call: three came, one RSVP'd yes and did not;
    // and a walk-in without an RSVP gets a row.
    await t.db.query(`update event set starts_at = now() - interval '5 minutes' where id = $1`, [eventId]);
    const walkIn = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const taken = await attend(steward(), eventId, [members[0], members[1], members[2], walkIn]);
    expect(taken.errors).toBeUndefined();
    expect(taken.data!.recordAttendance).toHaveLength(4);
    expect(taken.data!.recordAttendance.find((a) => a.member.id === walkIn)).toMatchObject({
      rsvp: null,
      attended: true,
    });
    expect(taken.data!.recordAttendance.find((a) => a.member.id === members[0])).toMatchObject({
      rsvp: 'ACCEPTED',
      attended: true,
    });
    // A correction: member 2 left before it began.
    await attend(steward(), eventId, [members[2]], false);
    e = (await t.gql<{ event: Record<string, unknown> }>(org(), EVENT, { id: eventId })).data!.event;
    // An RSVP is never attendance: 4 accepted, 3 attended (members 0, 1 and the walk-in).
    expect(e).toMatchObject({ rsvpCount: 4, attendedCount: 3 });
    expect((e.attendances as { totalCount: number }).totalCount).toBe(5);

    const after = await dashboard(org());
    expect(after.kyrTrainedCount).toBe(before.kyrTrainedCount + 3);
    expect(trainedAt(after)).toBe(trainedAt(before) + 3);

    // A board member sees the counts, and FORBIDDEN on who attended, with the rest intact.
    const seen = await t.gql<{ event: Record<string, unknown> }>(board(), EVENT, { id: eventId });
    expect(seen.data!.event).toMatchObject({
      id: eventId,
      rsvpCount: 4,
      attendedCount: 3,
      attendances: null,
    });
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors![0]).toMatchObject({
      path: ['event', 'attendances'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await dashboard(board())).kyrTrainedCount).toBe(after.kyrTrainedCount);

    // Erasing a member removes their attendance, and the counts change at once.
    const erased = await t.gql(w.own.users.LOCAL_ADMIN.token, 'mutation($id: ID!) { eraseMember(id: $id) }', {
      id: members[0],
    });
    expect(erased.errors).toBeUndefined();
    e = (await t.gql<{ event: Record<string, unknown> }>(org(), EVENT, { id: eventId })).data!.event;
    expect(e).toMatchObject({ rsvpCount: 3, attendedCount: 2 });
    expect((await dashboard(org())).kyrTrainedCount).toBe(after.kyrTrainedCount - 1);
    const { rows } = await t.db.query(`select count(*)::int as n from attendance where member_id = $1`, [
      members[0],
    ]);
    expect(rows[0].n).toBe(0);

    // Every write audited, with no names in the audit rows.
    const { rows: logged } = await t.db.query(
      `select action, target_type, target_id from audit_event where target_id = $1 order by created_at`,
      [eventId],
    );
    expect(logged.map((r) => r.action)).toEqual(
      expect.arrayContaining(['event.create', 'event.rsvp', 'event.attendance']),
    );
    const { rows: details } = await t.db.query(
      `select detail from audit_event where action = 'event.attendance' and target_id = $1 order by created_at`,
      [eventId],
    );
    expect(details.map((r) => r.detail)).toEqual([{ members: 4 }, { members: 1 }]);
    const { rows: text } = await t.db.query(
      `select count(*)::int as n from audit_event where row_to_json(audit_event)::text ilike '%Union hall%'`,
    );
    expect(text[0].n).toBe(0);
  });

  it('lists events soonest first, filtered by kind, workplace and time, without cancelled ones unless asked', async () => {
    const { t, w } = ctx;
    const local = await makeLocal(t.db, 'Listing local');
    const user = await makeUser(t.db, { displayName: 'Lister' });
    await grant(t.db, local, user.id, Role.ORGANIZER, []);
    const token = t.tokenFor(user.id);
    const base = Date.now() + 10 * day;
    const later = await makeEvent(t.db, local, { startsAt: new Date(base + 2 * day), kind: 'MEETING' });
    const soon = await makeEvent(t.db, local, { startsAt: new Date(base) });
    const mid = await makeEvent(t.db, local, { startsAt: new Date(base + day), kind: 'ACTION' });
    const cancelled = await makeEvent(t.db, local, { startsAt: new Date(base + hour), status: 'CANCELLED' });
    const list = async (filter?: Record<string, unknown>, first?: number, after?: string) =>
      (
        await t.gql<{
          events: {
            totalCount: number;
            nodes: { id: string }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        }>(
          token,
          'query($l: ID!, $f: EventFilter, $first: Int, $after: String) { events(localId: $l, filter: $f, first: $first, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }',
          { l: local, f: filter, first, after },
        )
      ).data!.events;
    expect((await list()).nodes.map((n) => n.id)).toEqual([soon, mid, later]);
    expect((await list({ includeCancelled: true })).nodes.map((n) => n.id)).toEqual([
      soon,
      cancelled,
      mid,
      later,
    ]);
    expect((await list({ kind: 'MEETING' })).nodes.map((n) => n.id)).toEqual([later]);
    expect(
      (
        await list({ from: new Date(base + hour).toISOString(), to: new Date(base + 2 * day).toISOString() })
      ).nodes.map((n) => n.id),
    ).toEqual([mid]);
    const page1 = await list(undefined, 2);
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await list(undefined, 2, page1.pageInfo.endCursor);
    expect(page2.nodes.map((n) => n.id)).toEqual([later]);
    // A workplace filter.
    expect((await list({ workplaceId: w.own.assigned })).totalCount).toBe(0);
  });

  it('validates its inputs: title, lengths, capacity, end after start, and an IANA time zone', async () => {
    const bad = async (input: Record<string, unknown>, field: string) => {
      const res = await create(org(), input);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(res.errors)).toContain(field);
    };
    await bad({ timezone: 'Mars/Olympus_Mons' }, 'timezone');
    await bad({ title: '   ' }, 'title');
    await bad({ title: 'x'.repeat(201) }, 'title');
    await bad({ description: 'x'.repeat(5001) }, 'description');
    await bad({ location: 'x'.repeat(501) }, 'location');
    await bad({ capacity: 0 }, 'capacity');
    await bad({ startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T09:00:00Z' }, 'endsAt');
    await bad({ workplaceId: ctx.w.other.assigned }, 'workplaceId');
    const zoned = await create(org(), { timezone: 'Asia/Kolkata' });
    expect(zoned.data!.createEvent.timezone).toBe('Asia/Kolkata');
    expect((await create(org(), {})).data!.createEvent.timezone).toBe('UTC');
    const id = zoned.data!.createEvent.id;
    const upd = await ctx.t.gql(
      org(),
      'mutation($id: ID!) { updateEvent(id: $id, input: { timezone: "Nowhere/Land" }) { id } }',
      { id },
    );
    expect(upd.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooMany = await attend(org(), id, []);
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps one row per member and event under concurrent RSVPs and attendance', async () => {
    const { t, w } = ctx;
    const eventId = await makeEvent(t.db, w.own.id, { workplaceId: w.own.assigned });
    const members: string[] = [];
    for (let i = 0; i < 5; i++)
      members.push(await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned }));
    const rsvps = await Promise.all(
      Array.from({ length: 10 }, (_, i) => rsvp(i % 2 ? org() : steward(), eventId, members[i % 5])),
    );
    for (const r of rsvps) expect(r.errors).toBeUndefined();
    const takes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        attend(i % 2 ? org() : steward(), eventId, i % 3 ? members : [...members].reverse()),
      ),
    );
    for (const r of takes) expect(r.errors).toBeUndefined();
    const { rows } = await t.db.query(
      `select count(*)::int as n, count(*) filter (where attended)::int as came, count(distinct member_id)::int as d from attendance where event_id = $1`,
      [eventId],
    );
    expect(rows[0]).toEqual({ n: 5, came: 5, d: 5 });
    const e = (await t.gql<{ event: Record<string, unknown> }>(org(), EVENT, { id: eventId })).data!.event;
    expect(e).toMatchObject({ rsvpCount: 5, attendedCount: 5 });
  });

  it('cancels an event, keeping its answers, and takes no more RSVPs or attendance', async () => {
    const { t, w } = ctx;
    const eventId = await makeEvent(t.db, w.own.id, { workplaceId: w.own.assigned });
    const m = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await rsvp(org(), eventId, m);
    const cancelled = await t.gql<{ cancelEvent: { status: string; rsvpCount: number } }>(
      org(),
      'mutation($id: ID!) { cancelEvent(id: $id) { status rsvpCount } }',
      { id: eventId },
    );
    expect(cancelled.data!.cancelEvent).toEqual({ status: 'CANCELLED', rsvpCount: 1 });
    expect((await rsvp(org(), eventId, m, 'DECLINED')).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await attend(org(), eventId, [m])).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const { rows } = await t.db.query(`select rsvp, attended from attendance where event_id = $1`, [eventId]);
    expect(rows).toEqual([{ rsvp: 'ACCEPTED', attended: null }]);
    expect(await audits('event.cancel')).toBeGreaterThanOrEqual(1);
  });

  it('refuses an RSVP and attendance that wait on a cancel committing meanwhile, writing nothing', async () => {
    const { t, w } = ctx;
    const cancel = (holder: { query: (sql: string, values: unknown[]) => Promise<unknown> }, id: string) =>
      holder.query(`update event set status = 'CANCELLED' where id = $1`, [id]);
    const writes: ((eventId: string, m: string) => Promise<{ errors?: unknown[] }>)[] = [
      (eventId, m) => rsvp(steward(), eventId, m),
      (eventId, m) => attend(steward(), eventId, [m]),
    ];
    for (const write of writes) {
      const eventId = await makeEvent(t.db, w.own.id, {
        workplaceId: w.own.assigned,
        startsAt: new Date(Date.now() - hour),
      });
      const m = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
      const answer = await whileRowHeld(
        t.db,
        { table: 'event', id: eventId },
        () => write(eventId, m),
        (holder) => cancel(holder, eventId),
      );
      expect(answer.errors?.[0]).toMatchObject({
        message: 'This event is cancelled: it takes no RSVPs or attendance.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const rows = await t.db.query(`select 1 from attendance where event_id = $1`, [eventId]);
      expect(rows.rowCount).toBe(0);
    }
  });

  it("scopes a steward to their assigned workplaces' members, and members to the event's local and workplace", async () => {
    const { t, w } = ctx;
    const localWide = await makeEvent(t.db, w.own.id);
    const atAssigned = await makeEvent(t.db, w.own.id, { workplaceId: w.own.assigned });
    const mine = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    const notMine = await makeMember(t.db, w.own.id, { workplaceId: w.own.unassigned });
    const elsewhere = await makeMember(t.db, w.other.id, { workplaceId: w.other.assigned });
    const archived = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned, archived: true });
    const code = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.[0].extensions.code;

    expect(code(await rsvp(steward(), localWide, notMine))).toBe('NOT_FOUND');
    expect(code(await attend(steward(), localWide, [mine, notMine]))).toBe('NOT_FOUND');
    expect(code(await rsvp(org(), localWide, elsewhere))).toBe('NOT_FOUND');
    expect(code(await rsvp(org(), atAssigned, notMine))).toBe('BAD_USER_INPUT');
    expect(code(await rsvp(org(), localWide, archived))).toBe('BAD_USER_INPUT');
    expect(code(await rsvp(board(), localWide, mine))).toBe('FORBIDDEN');
    expect(code(await rsvp(w.other.users.ORGANIZER.token, localWide, mine))).toBe('NOT_FOUND');
    expect((await rsvp(steward(), localWide, mine)).errors).toBeUndefined();
    await rsvp(org(), localWide, notMine);

    // The steward reads only their workplaces' members among who answered; counts stay whole.
    const seen = await t.gql<{
      event: { rsvpCount: number; attendances: { totalCount: number; nodes: { member: { id: string } }[] } };
    }>(steward(), EVENT, { id: localWide });
    expect(seen.data!.event.rsvpCount).toBe(2);
    expect(seen.data!.event.attendances.totalCount).toBe(1);
    expect(seen.data!.event.attendances.nodes.map((n) => n.member.id)).toEqual([mine]);
    // Nothing was written by the refused calls.
    const { rows } = await t.db.query(`select count(*)::int as n from attendance where event_id = any($1)`, [
      [localWide, atAssigned],
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('batches counts and attendances: a list of 12 events costs the statements a list of 2 does', async () => {
    const { t } = ctx;
    const local = await makeLocal(t.db, 'Batch local');
    const user = await makeUser(t.db, { displayName: 'Batcher' });
    await grant(t.db, local, user.id, Role.ORGANIZER, []);
    const token = t.tokenFor(user.id);
    const m = await makeMember(t.db, local, {});
    const statements = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const e = await makeEvent(t.db, local, { startsAt: new Date(Date.now() + (i + 1) * day) });
        await makeAttendance(t.db, local, e, m, user.id, { rsvp: 'ACCEPTED' });
      }
      return countStatements(async () => {
        const res = await t.gql(
          token,
          'query($l: ID!) { events(localId: $l, first: 20) { nodes { rsvpCount attendedCount full attendances(first: 5) { totalCount nodes { rsvp } } } } }',
          { l: local },
        );
        expect(res.errors).toBeUndefined();
      });
    };
    const small = await statements(2);
    const large = await statements(10);
    expect(large).toBe(small);
  });
});
