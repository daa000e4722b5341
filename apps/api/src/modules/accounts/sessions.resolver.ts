import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { Session } from './models/session.model';
import { SessionsService } from './sessions.service';

@Resolver(() => Session)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Query(() => [Session], { complexity: listCost(LIST_MAX.sessions) })
  @Authorize('self')
  async mySessions(@Ctx() ctx: RequestContext): Promise<Session[]> {
    return (await this.sessions.mine(ctx)).map((s) => Session.from(s, ctx.actor.sessionId));
  }

  @Mutation(() => Boolean, {
    description: "Ends one of the viewer's own sessions; its access token stops working on its next request.",
  })
  @Authorize('self')
  endSession(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.sessions.endOwn(ctx, id);
  }

  @Mutation(() => Int, {
    description: 'Ends every session of the viewer but the current one; returns how many.',
  })
  @Authorize('self')
  endOtherSessions(@Ctx() ctx: RequestContext): Promise<number> {
    return this.sessions.endOthers(ctx);
  }

  @Mutation(() => Int, {
    description:
      'LOCAL_ADMIN: ends every session of a user who holds a role in the local (a lost or seized phone).',
  })
  @Authorize('sessions:end')
  endUserSessions(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
  ): Promise<number> {
    return this.sessions.endUsers(ctx, localId, userId);
  }
}
