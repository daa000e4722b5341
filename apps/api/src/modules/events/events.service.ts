import { Injectable } from '@nestjs/common';
import { badInput, notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { ChildPages } from '../../graphql/child-pages';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { AttendanceInput, EventFilter, EventInput, RsvpInput, UpdateEventInput } from './dto/event.inputs';
import { AttendanceEntity, EventEntity, EventStatus } from './event.entity';
import { checkTimeZone, checkWindow } from './event-rules';
import { EventCounts, EventFields, EventsRepository } from './events.repository';

const notScheduled = () => badInput('This event is cancelled: it takes no RSVPs or attendance.', 'eventId');

@Injectable()
export class EventsService {
  constructor(
    private readonly access: AccessService,
    private readonly events: EventsRepository,
    private readonly workplaces: WorkplacesService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: EventInput): Promise<EventEntity> {
    const scope = this.access.requireLocal(ctx, 'events:manage', input.localId);
    if (input.workplaceId) {
      const [workplace] = await this.workplaces.inScope(scope, [input.workplaceId]);
      if (!workplace) throw noSuchWorkplace();
    }
    const endsAt = input.endsAt ?? null;
    checkWindow(input.startsAt, endsAt);
    const event = await this.events.insert(scope, {
      workplaceId: input.workplaceId ?? null,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      startsAt: input.startsAt,
      endsAt,
      timezone: checkTimeZone(input.timezone ?? 'UTC'),
      location: input.location ?? null,
      capacity: input.capacity ?? null,
    });
    await this.audit.recordIn(ctx, scope, 'event.create', { type: 'Event', id: event.id });
    return event;
  }

  async update(ctx: RequestContext, id: string, input: UpdateEventInput): Promise<EventEntity> {
    const scope = await this.access.requireRecord(ctx, 'events:manage', 'event', id);
    const current = (await this.events.find(scope, id))!;
    const fields: Partial<EventFields> = {};
    if (input.title !== undefined) fields.title = input.title;
    if (input.description !== undefined) fields.description = input.description ?? null;
    if (input.startsAt !== undefined && input.startsAt !== null) fields.startsAt = input.startsAt;
    if (input.endsAt !== undefined) fields.endsAt = input.endsAt ?? null;
    if (input.timezone !== undefined && input.timezone !== null)
      fields.timezone = checkTimeZone(input.timezone);
    if (input.location !== undefined) fields.location = input.location ?? null;
    if (input.capacity !== undefined) fields.capacity = input.capacity ?? null;
    checkWindow(
      fields.startsAt ?? current.startsAt,
      fields.endsAt !== undefined ? fields.endsAt : current.endsAt,
    );
    if (Object.keys(fields).length) await this.events.update(scope, id, fields);
    await this.audit.recordIn(ctx, scope, 'event.update', { type: 'Event', id });
    return (await this.events.find(scope, id))!;
  }

  /** Keeps the event and its answers; it takes no new RSVPs or attendance. Idempotent. */
  async cancel(ctx: RequestContext, id: string): Promise<EventEntity> {
    const scope = await this.access.requireRecord(ctx, 'events:manage', 'event', id);
    await this.events.cancel(scope, id);
    await this.audit.recordIn(ctx, scope, 'event.cancel', { type: 'Event', id });
    return (await this.events.find(scope, id))!;
  }

  list(
    ctx: RequestContext,
    localId: string,
    filter: EventFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<EventEntity>> {
    const scope = this.access.requireLocal(ctx, 'events:read', localId);
    return this.events.page(scope, filter ?? {}, { first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<EventEntity | null> {
    const scope = await this.access.findRecord(ctx, 'events:read', 'event', id);
    return scope ? this.events.find(scope, id) : null;
  }

  /** One answer per member and event; a second replaces the first. */
  async rsvp(ctx: RequestContext, input: RsvpInput): Promise<AttendanceEntity> {
    const { scope, event } = await this.forAttendance(ctx, input.eventId, [input.memberId]);
    const row = await this.events.rsvp(scope, {
      eventId: event.id,
      memberId: input.memberId,
      status: input.status,
      recordedBy: ctx.actor.userId,
    });
    if (!row) throw notScheduled();
    await this.audit.recordIn(ctx, scope, 'event.rsvp', { type: 'Event', id: event.id });
    return row;
  }

  /** Many members at once, from the event's start on. */
  async recordAttendance(ctx: RequestContext, input: AttendanceInput): Promise<AttendanceEntity[]> {
    const { scope, event } = await this.forAttendance(ctx, input.eventId, input.memberIds);
    if (event.startsAt.getTime() > Date.now())
      throw badInput('Attendance is taken from the event’s start on.', 'eventId');
    const rows = await this.events.recordAttendance(scope, {
      eventId: event.id,
      memberIds: input.memberIds,
      attended: input.attended,
      recordedBy: ctx.actor.userId,
    });
    if (!rows) throw notScheduled();
    // How many members, never who.
    await this.audit.recordIn(
      ctx,
      scope,
      'event.attendance',
      { type: 'Event', id: event.id },
      { members: rows.length },
    );
    return rows;
  }

  /** Who answered or attended: organizers and admins, and stewards for their workplaces' members. */
  attendances(
    ctx: RequestContext,
    event: { id: string; localId: string },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<AttendanceEntity>> {
    const scope = this.access.requireLocal(ctx, 'attendance:read', event.localId);
    return this.events.attendancePage(scope, event.id, { first, after });
  }

  firstAttendancePages(
    ctx: RequestContext,
    localId: string,
    eventIds: readonly string[],
    first?: number | null,
  ): Promise<Page<AttendanceEntity>[]> {
    const scope = this.access.requireLocal(ctx, 'attendance:read', localId);
    return this.events.firstAttendancePages(scope, eventIds, first);
  }

  /**
   * The scope a member's RSVPs and attendance (Member.attendances) read with, or null:
   * `attendance:read`, so they show exactly the rows Event.attendances would.
   */
  attendancesScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'attendance:read', localId);
  }

  /** Members' RSVPs and attendance, newest first, within a scope from libs/access (attendancesScope). */
  readonly memberAttendances: ChildPages<AttendanceEntity> = {
    first: (scope, memberIds, first) => this.events.firstMemberAttendancePages(scope, memberIds, first),
    after: (scope, memberId, args) => this.events.memberAttendancePage(scope, memberId, args),
  };

  /** The scope nested events and their counts read with, or null. */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'events:read', localId);
  }

  inScope(scope: Scope, ids: readonly string[]): Promise<EventEntity[]> {
    return this.events.findMany(scope, ids);
  }

  counts(scope: Scope, eventIds: readonly string[]): Promise<EventCounts[]> {
    return this.events.counts(scope, eventIds);
  }

  /** For the dashboard, whose caller checked `dashboard:read`. */
  upcoming(scope: Scope): Promise<EventEntity[]> {
    return this.events.upcoming(scope);
  }

  trainedByWorkplace(scope: Scope): Promise<Map<string | null, number>> {
    return this.events.trainedByWorkplace(scope);
  }

  /**
   * The event (NOT_FOUND outside the viewer's reach), the scope to write in (FORBIDDEN for a role
   * without `attendance:write`), and the members: each in that scope (NOT_FOUND otherwise, so a
   * steward reaches only assigned workplaces' members), not archived, and of the event's workplace.
   */
  private async forAttendance(
    ctx: RequestContext,
    eventId: string,
    memberIds: readonly string[],
  ): Promise<{ scope: Scope; event: EventEntity }> {
    const event = await this.get(ctx, eventId);
    if (!event) throw notFound('Event');
    const scope = this.access.requireLocal(ctx, 'attendance:write', event.localId);
    const unique = [...new Set(memberIds)];
    const members = await this.members.inScope(scope, unique);
    if (members.length !== unique.length) throw notFound('Member');
    if (event.status !== EventStatus.SCHEDULED) throw notScheduled();
    for (const m of members) {
      if (m.archivedAt) throw badInput('The member is archived.', 'memberIds');
      if (event.workplaceId && m.workplaceId !== event.workplaceId)
        throw badInput("The member does not work at, or live in, this event's workplace.", 'memberIds');
    }
    return { scope, event };
  }
}
