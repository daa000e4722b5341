import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { childPage } from '../../graphql/child-pages';
import { pageCost } from '../../graphql/query-cost';
import { Member } from '../members/models/member.model';
import { EventsService } from './events.service';
import { Attendance, AttendanceConnection } from './models/event.model';

/** Member.attendances lives with the RSVPs and attendance it reads. */
@Resolver(() => Member)
export class MemberAttendancesResolver {
  constructor(private readonly events: EventsService) {}

  @ResolveField(() => AttendanceConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      'The events this member answered or attended, newest answer first. Nullable so that a viewer refused this field keeps the rest.',
  })
  @Authorize('attendance:read')
  async attendances(
    @Ctx() ctx: RequestContext,
    @Parent() m: Member,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<AttendanceConnection | null> {
    const scope = this.events.attendancesScope(ctx, m.localId);
    if (!scope) return null;
    const page = await childPage(
      req,
      'member.attendances',
      scope,
      m.id,
      { first, after },
      this.events.memberAttendances,
    );
    return mapPage(page, Attendance.from);
  }
}
