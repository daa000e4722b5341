import { Injectable } from '@nestjs/common';
import { badInput, MembershipStatus } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { CampaignEntity, LocalEntity, PetitionEntity, WorkplaceEntity } from '@juntos/db';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CommitteesService } from '../committees/committees.service';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { LocalsService } from '../locals/locals.service';
import { CoverageWeekRow, DashboardRepository } from './dashboard.repository';

/** How many weeks the coverage history shows unless asked, and at most: a year. */
export const COVERAGE_WEEKS = { byDefault: 12, max: 52 } as const;

/** Where a local stands, as the service computes it: numbers, and the records they are about. */
export interface DashboardNumbers {
  local: LocalEntity;
  memberCount: number;
  membersBySupportLevel: { level: number | null; count: number }[];
  membersByStatus: { status: MembershipStatus; count: number }[];
  oneOnOnesLast30Days: number;
  coverage: number;
  overdueFollowUps: number;
  workplaces: {
    workplace: WorkplaceEntity;
    memberCount: number;
    assessedCount: number;
    supporterCount: number;
    coverage: number;
    openPetitions: number;
    kyrTrainedCount: number;
    /** Share of its members (not archived) with a contact on any of its committees not archived. */
    committeeCoverage: number;
  }[];
  /** Members not archived who attended a KYR_TRAINING in the last 365 days. */
  kyrTrainedCount: number;
  upcomingEvents: EventEntity[];
  openPetitions: PetitionEntity[];
  campaigns: CampaignEntity[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

@Injectable()
export class DashboardService {
  constructor(
    private readonly access: AccessService,
    private readonly numbers: DashboardRepository,
    private readonly campaigns: CampaignsService,
    private readonly locals: LocalsService,
    private readonly events: EventsService,
    private readonly committees: CommitteesService,
  ) {}

  /** For LOCAL_ADMIN, ORGANIZER and BOARD_MEMBER: a fixed handful of aggregate statements. */
  async forLocal(ctx: RequestContext, localId: string): Promise<DashboardNumbers> {
    const scope = this.access.requireLocal(ctx, 'dashboard:read', localId);
    const [
      local,
      counts,
      coverage,
      { last30, overdue },
      workplaces,
      openPetitions,
      campaigns,
      trained,
      upcomingEvents,
      committeeCovered,
    ] = await Promise.all([
      this.locals.get(ctx, localId),
      this.numbers.memberCounts(scope),
      this.numbers.coverage(scope),
      this.numbers.activity(scope),
      this.numbers.workplaces(scope),
      this.numbers.openPetitions(scope),
      this.campaigns.active(scope),
      this.events.trainedByWorkplace(scope),
      this.events.upcoming(scope),
      this.committees.coverageByWorkplace(scope),
    ]);
    const memberCount = counts.byStatus.reduce((n, s) => n + s.count, 0);
    const coveredAt = new Map(coverage.map((c) => [c.workplaceId, c.covered]));
    return {
      local: local!,
      memberCount,
      membersBySupportLevel: counts.byLevel,
      membersByStatus: counts.byStatus,
      oneOnOnesLast30Days: last30,
      coverage: share(
        coverage.reduce((n, c) => n + c.covered, 0),
        memberCount,
      ),
      overdueFollowUps: overdue,
      workplaces: workplaces.map(({ workplace: w, openPetitions: open }) => {
        const here = counts.byWorkplace.get(w.id) ?? { members: 0, assessed: 0, supporters: 0 };
        return {
          workplace: w,
          memberCount: here.members,
          assessedCount: here.assessed,
          supporterCount: here.supporters,
          coverage: share(coveredAt.get(w.id) ?? 0, here.members),
          openPetitions: open,
          kyrTrainedCount: trained.get(w.id) ?? 0,
          committeeCoverage: share(committeeCovered.get(w.id) ?? 0, here.members),
        };
      }),
      openPetitions,
      campaigns,
      kyrTrainedCount: [...trained.values()].reduce((n, c) => n + c, 0),
      upcomingEvents,
    };
  }

  /**
   * `LocalDashboard.coverageHistory`: for each of the last `weeks` weeks, oldest first, the share
   * of the local's members (not archived at the week's end) with a one-on-one in the 30 days
   * before it. Counts only, never who.
   */
  async coverageHistory(
    ctx: RequestContext,
    localId: string,
    weeks: number,
  ): Promise<(CoverageWeekRow & { share: number })[]> {
    const scope = this.access.requireLocal(ctx, 'dashboard:read', localId);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > COVERAGE_WEEKS.max)
      throw badInput(`weeks must be a whole number from 1 to ${COVERAGE_WEEKS.max}.`, 'weeks');
    const rows = await this.numbers.coverageHistory(scope, weeks);
    return rows.map((r) => ({ ...r, share: share(r.covered, r.members) }));
  }
}
