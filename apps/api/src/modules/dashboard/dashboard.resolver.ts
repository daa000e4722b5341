import {
  Args,
  Complexity,
  Context,
  ID,
  Info,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { pageItems } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { prefetchEventCounts } from '../events/event.loaders';
import { EventsService } from '../events/events.service';
import { prefetchSignatureCounts } from '../petitions/petition.loaders';
import { PetitionsService } from '../petitions/petitions.service';
import { COVERAGE_WEEKS, DashboardService } from './dashboard.service';
import { CoverageWeek, LocalDashboard } from './models/dashboard.model';

/** One item a week asked for (out of range is refused before any work, and counts as the most). */
const weeksCost: Complexity = ({ args, childComplexity }) =>
  1 + pageItems(args.weeks, COVERAGE_WEEKS.byDefault, COVERAGE_WEEKS.max) * childComplexity;

@Resolver(() => LocalDashboard)
export class DashboardResolver {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly petitions: PetitionsService,
    private readonly events: EventsService,
  ) {}

  @Query(() => LocalDashboard, {
    description: 'Where the local stands, for its board, organizers and admins.',
  })
  @Authorize('dashboard:read')
  async localDashboard(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Context('req') req?: object,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<LocalDashboard> {
    const dashboard = LocalDashboard.from(await this.dashboard.forLocal(ctx, localId));
    // The counts of the open petitions and upcoming events in one read a list (about 200 guarded
    // fields on a large local), as their own fields would answer them.
    if (req && info) {
      await prefetchSignatureCounts(req, ctx, this.petitions, localId, dashboard.openPetitions, info, [
        'openPetitions',
      ]);
      await prefetchEventCounts(req, ctx, this.events, localId, dashboard.upcomingEvents, info, [
        'upcomingEvents',
      ]);
    }
    return dashboard;
  }

  @ResolveField(() => [CoverageWeek], {
    description:
      "Coverage over time: for each of the last `weeks` weeks (12 unless asked, 1 to 52), oldest first, the share of the local's members with a one-on-one in the 30 days before the week's end.",
    complexity: weeksCost,
  })
  @Authorize('dashboard:read')
  async coverageHistory(
    @Ctx() ctx: RequestContext,
    @Parent() d: LocalDashboard,
    @Args('weeks', { type: () => Int, defaultValue: COVERAGE_WEEKS.byDefault }) weeks: number,
  ): Promise<CoverageWeek[]> {
    const rows = await this.dashboard.coverageHistory(ctx, d.local.id, weeks);
    return rows.map((r) => ({
      weekEnding: r.weekEnding,
      memberCount: r.members,
      coveredCount: r.covered,
      share: r.share,
    }));
  }
}
