import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { childPage } from '../../graphql/child-pages';
import { pageCost } from '../../graphql/query-cost';
import { Member } from '../members/models/member.model';
import { CommitteesService } from './committees.service';
import { CommitteeMembership, CommitteeMembershipConnection } from './models/committee.model';

/** Member.committeeSeats lives with the committees it reads. */
@Resolver(() => Member)
export class MemberSeatsResolver {
  constructor(private readonly committees: CommitteesService) {}

  @ResolveField(() => CommitteeMembershipConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      "This member's seats on committees, oldest first: only on committees the viewer can read (a steward's assigned workplaces'). Each seat's contacts are the members this one keeps in touch with. Nullable so that a viewer refused this field keeps the rest.",
  })
  @Authorize('committees:members')
  async committeeSeats(
    @Ctx() ctx: RequestContext,
    @Parent() m: Member,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<CommitteeMembershipConnection | null> {
    const scope = this.committees.membersScope(ctx, m.localId);
    if (!scope) return null;
    const page = await childPage(
      req,
      'member.committeeSeats',
      scope,
      m.id,
      { first, after },
      this.committees.memberSeats,
    );
    return mapPage(page, CommitteeMembership.from);
  }
}
