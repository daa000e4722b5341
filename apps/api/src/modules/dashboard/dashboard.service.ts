import { Injectable } from '@nestjs/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { CampaignsService } from '../campaigns/campaigns.service';
import { ResolutionCampaign } from '../campaigns/models/campaign.model';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { Petition } from '../petitions/models/petition.model';
import { Workplace } from '../workplaces/models/workplace.model';
import { DashboardRepository } from './dashboard.repository';
import { LocalDashboard } from './models/dashboard.model';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

@Injectable()
export class DashboardService {
  constructor(
    private readonly access: AccessService,
    private readonly numbers: DashboardRepository,
    private readonly campaigns: CampaignsService,
    private readonly locals: LocalsService,
  ) {}

  /** For LOCAL_ADMIN, ORGANIZER and BOARD_MEMBER: a fixed handful of aggregate statements. */
  async forLocal(ctx: RequestContext, localId: string): Promise<LocalDashboard> {
    const scope = this.access.requireLocal(ctx, 'dashboard:read', localId);
    const [local, totals, last30, overdue, workplaces, openPetitions, campaigns] = await Promise.all([
      this.locals.get(ctx, localId),
      this.numbers.memberTotals(scope),
      this.numbers.oneOnOnesSince(scope, 30),
      this.numbers.overdueFollowUps(scope),
      this.numbers.workplaceRows(scope),
      this.numbers.openPetitions(scope),
      this.campaigns.active(scope),
    ]);
    return {
      local: Local.from(local!),
      memberCount: totals.memberCount,
      membersBySupportLevel: totals.byLevel,
      membersByStatus: totals.byStatus,
      oneOnOnesLast30Days: last30,
      coverage: share(totals.covered, totals.memberCount),
      overdueFollowUps: overdue,
      workplaces: workplaces.map((w) => ({
        workplace: Workplace.from(w.workplace),
        memberCount: w.memberCount,
        assessedCount: w.assessedCount,
        supporterCount: w.supporterCount,
        coverage: share(w.covered, w.memberCount),
        openPetitions: w.openPetitions,
      })),
      openPetitions: openPetitions.map(Petition.from),
      campaigns: campaigns.map(ResolutionCampaign.from),
    };
  }
}
