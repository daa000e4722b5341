import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { loaderFor } from '../../graphql/loaders';
import { pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { User } from '../accounts/models/user.model';
import { loadUser } from '../accounts/user.loader';
import { UsersService } from '../accounts/users.service';
import { Member } from '../members/models/member.model';
import { loadMember } from '../members/member.loader';
import { MembersService } from '../members/members.service';
import { LogOneOnOneInput, OneOnOneFilter } from './dto/one-on-one.inputs';
import { OneOnOne, OneOnOneConnection } from './models/one-on-one.model';
import { OneOnOnesService } from './one-on-ones.service';

@Resolver(() => OneOnOne)
export class OneOnOnesResolver {
  constructor(
    private readonly conversations: OneOnOnesService,
    private readonly members: MembersService,
    private readonly users: UsersService,
  ) {}

  @Query(() => OneOnOneConnection, {
    description: "The local's one-on-ones, newest first; a steward's assigned workplaces only.",
    complexity: pageCost,
  })
  @Authorize('oneOnOnes:read')
  async oneOnOnes(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('filter', { type: () => OneOnOneFilter, nullable: true }) filter?: OneOnOneFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<OneOnOneConnection> {
    return mapPage(await this.conversations.list(ctx, localId, filter, first, after), OneOnOne.from);
  }

  @Query(() => [OneOnOne], {
    description:
      "Open follow-ups of the viewer's own one-on-ones, soonest first: `first` of them (50 by default, at most 100).",
    complexity: pageCost,
  })
  @Authorize('oneOnOnes:read')
  async myFollowUps(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('dueBefore', { type: () => Date, nullable: true }) dueBefore?: Date,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<OneOnOne[]> {
    return (await this.conversations.myFollowUps(ctx, localId, dueBefore, first)).map(OneOnOne.from);
  }

  @Query(() => [String], {
    description:
      "The issues raised in the local's one-on-ones of the last 90 days, most raised first, ties in alphabetical order: `first` of them (20 by default, at most 50). A steward's assigned workplaces only.",
  })
  @Authorize('oneOnOnes:read')
  recentIssues(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<string[]> {
    return this.conversations.recentIssues(ctx, localId, first);
  }

  @Mutation(() => OneOnOne)
  @Authorize('oneOnOnes:write')
  async logOneOnOne(@Ctx() ctx: RequestContext, @Args('input') input: LogOneOnOneInput): Promise<OneOnOne> {
    return OneOnOne.from(await this.conversations.log(ctx, input));
  }

  @Mutation(() => OneOnOne)
  @Authorize('oneOnOnes:write')
  async completeFollowUp(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<OneOnOne> {
    return OneOnOne.from(await this.conversations.completeFollowUp(ctx, id));
  }

  @ResolveField(() => Member)
  @Authorize('oneOnOnes:read')
  member(@Ctx() ctx: RequestContext, @Parent() o: OneOnOne, @Context('req') req: object): Promise<Member> {
    return loadMember(req, ctx, this.members, o.localId, o.memberId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Stored encrypted at rest and bound to this conversation. Null with an UNREADABLE error when the stored notes do not decrypt here.',
  })
  @Authorize('oneOnOnes:read')
  notes(@Parent() o: OneOnOne): string | null {
    return this.conversations.readNotes(o);
  }

  @ResolveField(() => User)
  @Authorize('oneOnOnes:read')
  async steward(@Parent() o: OneOnOne, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, o.stewardId))!;
  }
}

/** Member.oneOnOnes lives with the conversations it reads. */
@Resolver(() => Member)
export class MemberOneOnOnesResolver {
  constructor(private readonly conversations: OneOnOnesService) {}

  @ResolveField(() => OneOnOneConnection, { complexity: pageCost })
  @Authorize('oneOnOnes:read')
  async oneOnOnes(
    @Ctx() ctx: RequestContext,
    @Parent() member: Member,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<OneOnOneConnection> {
    // A later page goes on its own; first pages of a whole member list batch into two statements.
    const page =
      after || !req
        ? await this.conversations.forMember(ctx, member.localId, member.id, first, after)
        : await loaderFor(
            req,
            `member.oneOnOnes:${member.localId}:${first ?? ''}`,
            (ids: readonly string[]) =>
              this.conversations.firstPagesForMembers(ctx, member.localId, ids, first),
          ).load(member.id);
    return mapPage(page, OneOnOne.from);
  }
}
