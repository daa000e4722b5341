import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { DashboardService } from './dashboard.service';
import { LocalDashboard } from './models/dashboard.model';

@Resolver(() => LocalDashboard)
export class DashboardResolver {
  constructor(private readonly dashboard: DashboardService) {}

  @Query(() => LocalDashboard, {
    description: 'Where the local stands, for its board, organizers and admins.',
  })
  @Authorize('dashboard:read')
  async localDashboard(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
  ): Promise<LocalDashboard> {
    return LocalDashboard.from(await this.dashboard.forLocal(ctx, localId));
  }
}
