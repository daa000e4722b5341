import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Complexity } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { User } from '../accounts/models/user.model';
import { loadUser } from '../accounts/user.loader';
import { UsersService } from '../accounts/users.service';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { loadMember } from '../members/member.loader';
import { MembersService } from '../members/members.service';
import { Member } from '../members/models/member.model';
import { Workplace } from '../workplaces/models/workplace.model';
import { loadWorkplace } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { AttendanceInput, EventFilter, EventInput, RsvpInput, UpdateEventInput } from './dto/event.inputs';
import { isFull } from './event-rules';
import { loadEventCounts, loadFirstAttendances, prefetchEventCounts, requireEvent } from './event.loaders';
import { EventsService } from './events.service';
import { Attendance, AttendanceConnection, Event, EventConnection } from './models/event.model';

/** recordAttendance returns one row per member named: its cost is that many rows. */
const attendanceBatchCost: Complexity = ({ args, childComplexity }) => {
  const ids = (args as { input?: { memberIds?: unknown } }).input?.memberIds;
  const n = Array.isArray(ids) ? Math.min(ids.length, LIST_MAX.attendanceBatch) : LIST_MAX.attendanceBatch;
  return 1 + n * childComplexity;
};

@Resolver(() => Event)
export class EventsResolver {
  constructor(
    private readonly eventService: EventsService,
    private readonly locals: LocalsService,
    private readonly workplaces: WorkplacesService,
  ) {}

  @Query(() => EventConnection, { description: 'Soonest first.', complexity: pageCost })
  @Authorize('events:read')
  async events(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('filter', { type: () => EventFilter, nullable: true }) filter?: EventFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<EventConnection> {
    const connection = mapPage(await this.eventService.list(ctx, localId, filter, first, after), Event.from);
    if (req && info)
      await prefetchEventCounts(req, ctx, this.eventService, localId, connection.nodes, info, ['nodes']);
    return connection;
  }

  @Query(() => Event, { nullable: true })
  @Authorize('events:read')
  async event(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Event | null> {
    const e = await this.eventService.get(ctx, id);
    return e ? Event.from(e) : null;
  }

  @Mutation(() => Event)
  @Authorize('events:manage')
  async createEvent(@Ctx() ctx: RequestContext, @Args('input') input: EventInput): Promise<Event> {
    return Event.from(await this.eventService.create(ctx, input));
  }

  @Mutation(() => Event)
  @Authorize('events:manage')
  async updateEvent(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateEventInput,
  ): Promise<Event> {
    return Event.from(await this.eventService.update(ctx, id, input));
  }

  @Mutation(() => Event, {
    description: 'Keeps the event and its answers; it takes no new RSVPs or attendance.',
  })
  @Authorize('events:manage')
  async cancelEvent(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Event> {
    return Event.from(await this.eventService.cancel(ctx, id));
  }

  @ResolveField(() => Local)
  @Authorize('events:read')
  local(@Ctx() ctx: RequestContext, @Parent() e: Event, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, e.localId);
  }

  @ResolveField(() => Workplace, { nullable: true, description: 'Null for an event of the whole local.' })
  @Authorize('events:read')
  workplace(
    @Ctx() ctx: RequestContext,
    @Parent() e: Event,
    @Context('req') req: object,
  ): Promise<Workplace | null> | null {
    // As `workplace(id)` would answer: null for a steward's unassigned workplace.
    return e.workplaceId ? loadWorkplace(req, ctx, this.workplaces, e.localId, e.workplaceId) : null;
  }

  @ResolveField(() => Int, { description: 'Members whose RSVP is ACCEPTED.' })
  @Authorize('events:read')
  async rsvpCount(
    @Ctx() ctx: RequestContext,
    @Parent() e: Event,
    @Context('req') req: object,
  ): Promise<number> {
    return (await loadEventCounts(req, ctx, this.eventService, e.localId, e.id)).rsvpCount;
  }

  @ResolveField(() => Int, { description: 'Members recorded as having attended.' })
  @Authorize('events:read')
  async attendedCount(
    @Ctx() ctx: RequestContext,
    @Parent() e: Event,
    @Context('req') req: object,
  ): Promise<number> {
    return (await loadEventCounts(req, ctx, this.eventService, e.localId, e.id)).attendedCount;
  }

  @ResolveField(() => Boolean, {
    description: 'Accepted RSVPs have reached the capacity. A soft limit: RSVPs past it are accepted.',
  })
  @Authorize('events:read')
  async full(@Ctx() ctx: RequestContext, @Parent() e: Event, @Context('req') req: object): Promise<boolean> {
    return isFull(
      e.capacity,
      (await loadEventCounts(req, ctx, this.eventService, e.localId, e.id)).rsvpCount,
    );
  }

  @ResolveField(() => AttendanceConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      'Who answered or attended. Nullable so that a viewer refused this field (a board member) keeps the rest.',
  })
  @Authorize('attendance:read')
  async attendances(
    @Ctx() ctx: RequestContext,
    @Parent() e: Event,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<AttendanceConnection> {
    const page =
      after || !req
        ? await this.eventService.attendances(ctx, e, first, after)
        : await loadFirstAttendances(req, ctx, this.eventService, e, first);
    return mapPage(page, Attendance.from);
  }
}

@Resolver(() => Attendance)
export class AttendancesResolver {
  constructor(
    private readonly eventService: EventsService,
    private readonly members: MembersService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Attendance, {
    description: 'One answer per member and event: a second RSVP replaces the first.',
  })
  @Authorize('attendance:write')
  async rsvp(@Ctx() ctx: RequestContext, @Args('input') input: RsvpInput): Promise<Attendance> {
    return Attendance.from(await this.eventService.rsvp(ctx, input));
  }

  @Mutation(() => [Attendance], {
    complexity: attendanceBatchCost,
    description:
      "Takes attendance for many members at once, from the event's start on; returns what was written.",
  })
  @Authorize('attendance:write')
  async recordAttendance(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AttendanceInput,
  ): Promise<Attendance[]> {
    return (await this.eventService.recordAttendance(ctx, input)).map(Attendance.from);
  }

  @ResolveField(() => Event)
  @Authorize('attendance:read')
  event(@Ctx() ctx: RequestContext, @Parent() a: Attendance, @Context('req') req: object): Promise<Event> {
    return requireEvent(req, ctx, this.eventService, a.localId, a.eventId);
  }

  @ResolveField(() => Member)
  @Authorize('attendance:read')
  member(@Ctx() ctx: RequestContext, @Parent() a: Attendance, @Context('req') req: object): Promise<Member> {
    return loadMember(req, ctx, this.members, a.localId, a.memberId);
  }

  @ResolveField(() => User)
  @Authorize('attendance:read')
  async recordedBy(@Parent() a: Attendance, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, a.recordedBy))!;
  }
}
