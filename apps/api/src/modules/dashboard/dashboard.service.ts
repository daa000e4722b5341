import { Injectable } from '@nestjs/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { CampaignsService } from '../campaigns/campaigns.service';
import { ResolutionCampaign } from '../campaigns/models/campaign.model';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { Petition } from '../petitions/models/petition.model';
import { Workplace } from '../workplaces/models/workplace.model';
import { DashboardRepository, MemberCell } from './dashboard.repository';
import { LevelCount, LocalDashboard, StatusCount } from './models/dashboard.model';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const sum = (cells: MemberCell[], pick: (c: MemberCell) => number) => cells.reduce((n, c) => n + pick(c), 0);

/** Folds the member cells (already aggregated in SQL) by one key, in a stable order. */
function countBy<K>(
  cells: MemberCell[],
  key: (c: MemberCell) => K,
  order: (a: K, b: K) => number,
): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const c of cells) counts.set(key(c), (counts.get(key(c)) ?? 0) + c.count);
  return [...counts.entries()].sort(([a], [b]) => order(a, b)).map(([k, count]) => ({ key: k, count }));
}

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
    const [local, cells, last30, overdue, workplaces, openPetitions, campaigns] = await Promise.all([
      this.locals.get(ctx, localId),
      this.numbers.memberCells(scope),
      this.numbers.oneOnOnesSince(scope, 30),
      this.numbers.overdueFollowUps(scope),
      this.numbers.workplaces(scope),
      this.numbers.openPetitions(scope),
      this.campaigns.active(scope),
    ]);
    const memberCount = sum(cells, (c) => c.count);
    const byLevel: LevelCount[] = countBy(
      cells,
      (c) => c.level,
      (a, b) => (a ?? 9) - (b ?? 9),
    ).map(({ key, count }) => ({ level: key, count }));
    const byStatus: StatusCount[] = countBy(
      cells,
      (c) => c.status,
      (a, b) => a.localeCompare(b),
    ).map(({ key, count }) => ({ status: key, count }));
    const byWorkplace = new Map<string | null, MemberCell[]>();
    for (const c of cells) byWorkplace.set(c.workplaceId, [...(byWorkplace.get(c.workplaceId) ?? []), c]);
    const openByWorkplace = new Map<string, number>();
    for (const p of openPetitions)
      if (p.workplaceId) openByWorkplace.set(p.workplaceId, (openByWorkplace.get(p.workplaceId) ?? 0) + 1);
    return {
      local: Local.from(local!),
      memberCount,
      membersBySupportLevel: byLevel,
      membersByStatus: byStatus,
      oneOnOnesLast30Days: last30,
      coverage: share(
        sum(cells, (c) => c.covered),
        memberCount,
      ),
      overdueFollowUps: overdue,
      workplaces: workplaces.map((w) => {
        const here = byWorkplace.get(w.id) ?? [];
        const members = sum(here, (c) => c.count);
        return {
          workplace: Workplace.from(w),
          memberCount: members,
          assessedCount: sum(here, (c) => (c.level === null ? 0 : c.count)),
          supporterCount: sum(here, (c) => (c.level === 1 || c.level === 2 ? c.count : 0)),
          coverage: share(
            sum(here, (c) => c.covered),
            members,
          ),
          openPetitions: openByWorkplace.get(w.id) ?? 0,
        };
      }),
      openPetitions: openPetitions.map(Petition.from),
      campaigns: campaigns.map(ResolutionCampaign.from),
    };
  }
}
