import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Page, PageArgs, pageRequest, pagesPer } from '@juntos/common';
import { Scope } from '@juntos/access';
import { byTime, firstChildren, keysetPage, TransactionHost } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';
import { AttendanceEntity, EventEntity, EventKind, RsvpStatus } from './event.entity';

export type EventFields = Pick<
  EventEntity,
  | 'workplaceId'
  | 'kind'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'timezone'
  | 'location'
  | 'capacity'
>;

export interface EventFilterArgs {
  kind?: EventKind | null;
  workplaceId?: string | null;
  from?: Date | null;
  to?: Date | null;
  includeCancelled?: boolean | null;
}

export interface EventCounts {
  eventId: string;
  rsvpCount: number;
  attendedCount: number;
}

/** An attendance row's columns under its entity's property names, for raw SQL that returns one. */
const ATTENDANCE_COLUMNS = `id, local_id as "localId", event_id as "eventId", member_id as "memberId",
  rsvp, attended, recorded_by as "recordedBy", created_at as "createdAt", updated_at as "updatedAt"`;

/** An event's columns under its entity's property names. */
const EVENT_COLUMNS = `id, local_id as "localId", workplace_id as "workplaceId", kind, title, description,
  starts_at as "startsAt", ends_at as "endsAt", timezone, location, capacity, status,
  created_at as "createdAt", updated_at as "updatedAt"`;

const SOONEST = byTime<EventEntity>('e.starts_at', 'e.id', (e) => e.startsAt, 'ASC');
/** What a list of attendances hangs off: an event (who came) or a member (what they came to). */
type AttendanceParent = 'event' | 'member';

const NEWEST_ATTENDANCES = byTime<AttendanceEntity>('a.created_at', 'a.id', (a) => a.createdAt, 'DESC');

/** The rsvp and attended counts of many events in one aggregate ($1: ids, $2: local). */
export const EVENT_COUNTS_SQL = `select event_id, count(*) filter (where rsvp = 'ACCEPTED')::int as rsvp_count,
    count(*) filter (where attended)::int as attended_count
   from attendance where event_id = any($1::uuid[]) and local_id = $2 group by event_id`;

const toAttendance = (r: Partial<AttendanceEntity>) => Object.assign(new AttendanceEntity(), r);

@Injectable()
export class EventsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(scope: Scope, fields: EventFields): Promise<EventEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(EventEntity, { ...fields, localId: scope.localId }));
  }

  /** Updates the given fields; the end-after-start check is the database's too. */
  async update(scope: Scope, id: string, fields: Partial<EventFields>): Promise<void> {
    const em = await this.tx.manager();
    await em.update(EventEntity, { id, localId: scope.localId }, fields);
  }

  async cancel(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `update event set status = 'CANCELLED', updated_at = now() where id = $1 and local_id = $2`,
      [id, scope.localId],
    );
  }

  /** Events are read local-wide by every role of the local (PERMISSIONS.md). */
  async find(scope: Scope, id: string): Promise<EventEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(EventEntity, { where: { id, localId: scope.localId } });
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<EventEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(EventEntity, { where: { id: In([...ids]), localId: scope.localId } });
  }

  /** Soonest first; cancelled ones only when asked. */
  async page(scope: Scope, filter: EventFilterArgs, args: PageArgs): Promise<Page<EventEntity>> {
    const em = await this.tx.manager();
    const qb = em.createQueryBuilder(EventEntity, 'e').where('e.local_id = :localId', {
      localId: scope.localId,
    });
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.workplaceId) qb.andWhere('e.workplace_id = :wid', { wid: filter.workplaceId });
    if (filter.from) qb.andWhere('e.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.starts_at < :to', { to: filter.to });
    if (!filter.includeCancelled) qb.andWhere(`e.status = 'SCHEDULED'`);
    return keysetPage(qb, SOONEST, args);
  }

  /** The next scheduled events of the local, soonest first, at most LIST_MAX.upcomingEvents. */
  async upcoming(scope: Scope): Promise<EventEntity[]> {
    const em = await this.tx.manager();
    const rows: Partial<EventEntity>[] = await em.query(
      `select ${EVENT_COLUMNS} from event
        where local_id = $1 and status = 'SCHEDULED' and starts_at >= now()
        order by starts_at, id limit $2`,
      [scope.localId, LIST_MAX.upcomingEvents],
    );
    return rows.map((r) => Object.assign(new EventEntity(), r));
  }

  /** Exact counts from one aggregate over the attendance rows, for many events at once. */
  async counts(scope: Scope, eventIds: readonly string[]): Promise<EventCounts[]> {
    const em = await this.tx.manager();
    const rows: { event_id: string; rsvp_count: number; attended_count: number }[] = await em.query(
      EVENT_COUNTS_SQL,
      [eventIds, scope.localId],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      rsvpCount: r.rsvp_count,
      attendedCount: r.attended_count,
    }));
  }

  /**
   * One answer per member and event, in one statement: the event row is read FOR SHARE while it
   * is SCHEDULED (so a cancel waits, and an RSVP after it sees CANCELLED), then insert … on
   * conflict do update replaces an earlier answer. Concurrent calls make one row. Null when the
   * event is not SCHEDULED.
   */
  async rsvp(
    scope: Scope,
    r: { eventId: string; memberId: string; status: RsvpStatus; recordedBy: string },
  ): Promise<AttendanceEntity | null> {
    const em = await this.tx.manager();
    const rows: Partial<AttendanceEntity>[] = await em.query(
      `with ev as (
         select id from event where id = $2::uuid and local_id = $1::uuid and status = 'SCHEDULED' for share)
       insert into attendance (local_id, event_id, member_id, rsvp, recorded_by)
       select $1::uuid, ev.id, $3::uuid, $4::text, $5::uuid from ev
       on conflict (event_id, member_id) do update
         set rsvp = excluded.rsvp, recorded_by = excluded.recorded_by, updated_at = now()
       returning ${ATTENDANCE_COLUMNS}`,
      [scope.localId, r.eventId, r.memberId, r.status, r.recordedBy],
    );
    return rows.length ? toAttendance(rows[0]) : null;
  }

  /**
   * Marks many members attended (or not) in one statement, creating the row of a member who came
   * without an RSVP and keeping the RSVP of one who answered. Idempotent and safe under concurrent
   * calls. Null when the event is not SCHEDULED.
   */
  async recordAttendance(
    scope: Scope,
    r: { eventId: string; memberIds: readonly string[]; attended: boolean; recordedBy: string },
  ): Promise<AttendanceEntity[] | null> {
    const em = await this.tx.manager();
    const [row]: { open: boolean; rows: Partial<AttendanceEntity>[] | null }[] = await em.query(
      `with ev as (
         select id from event where id = $2::uuid and local_id = $1::uuid and status = 'SCHEDULED' for share),
       written as (
         insert into attendance (local_id, event_id, member_id, attended, recorded_by)
         select $1::uuid, ev.id, m.id, $4::boolean, $5::uuid
           from ev cross join (select distinct unnest($3::uuid[]) as id) m
          order by m.id
         on conflict (event_id, member_id) do update
           set attended = excluded.attended, recorded_by = excluded.recorded_by, updated_at = now()
         returning ${ATTENDANCE_COLUMNS})
       select exists (select from ev) as open,
              (select json_agg(w order by w."memberId") from written w) as rows`,
      [scope.localId, r.eventId, r.memberIds, r.attended, r.recordedBy],
    );
    if (!row.open) return null;
    return (row.rows ?? []).map((a) =>
      toAttendance({
        ...a,
        createdAt: new Date(a.createdAt as unknown as string),
        updatedAt: new Date(a.updatedAt as unknown as string),
      }),
    );
  }

  /** Who answered or attended, newest first; a steward sees their assigned workplaces' members only. */
  attendancePage(scope: Scope, eventId: string, args: PageArgs): Promise<Page<AttendanceEntity>> {
    return this.attendancesBy(scope, 'event', eventId, args);
  }

  /** A member's RSVPs and attendance, newest first: within the scope, as Event.attendances reads them. */
  memberAttendancePage(scope: Scope, memberId: string, args: PageArgs): Promise<Page<AttendanceEntity>> {
    return this.attendancesBy(scope, 'member', memberId, args);
  }

  /** The first page of each event's attendances, with totals: two statements for a list of events. */
  firstAttendancePages(
    scope: Scope,
    eventIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<AttendanceEntity>[]> {
    return this.firstAttendancesBy(scope, 'event', eventIds, first);
  }

  /** The same for members' RSVPs and attendance (Member.attendances on a list of members). */
  firstMemberAttendancePages(
    scope: Scope,
    memberIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<AttendanceEntity>[]> {
    return this.firstAttendancesBy(scope, 'member', memberIds, first);
  }

  private async attendancesBy(
    scope: Scope,
    parent: AttendanceParent,
    id: string,
    args: PageArgs,
  ): Promise<Page<AttendanceEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(AttendanceEntity, 'a')
      .innerJoin('member', 'm', 'm.id = a.member_id AND m.local_id = a.local_id')
      .where(`a.local_id = :localId AND a.${parent}_id = :id`, { localId: scope.localId, id });
    if (scope.workplaceIds !== 'all')
      qb.andWhere('m.workplace_id = ANY(:wids)', { wids: scope.workplaceIds });
    return keysetPage(qb, NEWEST_ATTENDANCES, args);
  }

  private async firstAttendancesBy(
    scope: Scope,
    parent: AttendanceParent,
    ids: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<AttendanceEntity>[]> {
    const { size } = pageRequest({ first }, NEWEST_ATTENDANCES.shape);
    const em = await this.tx.manager();
    const { rows, totals } = await firstChildren<Partial<AttendanceEntity>>(
      em,
      {
        table: 'attendance',
        alias: 'a',
        parent: `${parent}_id`,
        order: 'a.created_at desc, a.id desc',
        memberScoped: true,
      },
      ATTENDANCE_COLUMNS,
      scope,
      ids,
      size,
    );
    const parentOf = (a: AttendanceEntity) => (parent === 'event' ? a.eventId : a.memberId);
    return pagesPer(ids, rows.map(toAttendance), parentOf, totals, size, NEWEST_ATTENDANCES.key);
  }

  /**
   * Trained members (attended a KYR_TRAINING that started in the last 365 days), not archived, per
   * workplace (null: no workplace), in one statement.
   */
  async trainedByWorkplace(scope: Scope): Promise<Map<string | null, number>> {
    const em = await this.tx.manager();
    const rows: { workplace_id: string | null; n: number }[] = await em.query(TRAINED_SQL, [scope.localId]);
    return new Map(rows.map((r) => [r.workplace_id, r.n]));
  }
}

/** Trained members per workplace ($1: the local). */
export const TRAINED_SQL = `select m.workplace_id, count(*)::int as n
   from member m
  where m.local_id = $1 and m.archived_at is null
    and m.id in (
      select a.member_id from event e join attendance a on a.event_id = e.id and a.local_id = e.local_id
       where e.local_id = $1 and e.kind = 'KYR_TRAINING' and a.attended
         and e.starts_at > now() - interval '365 days' and e.starts_at <= now())
  group by m.workplace_id`;
