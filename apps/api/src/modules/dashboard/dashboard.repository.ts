import { Injectable } from '@nestjs/common';
import { MembershipStatus, Scope } from '@juntos/common';
import { PetitionEntity, TransactionHost, WorkplaceEntity } from '@juntos/db';

export interface MemberTotals {
  memberCount: number;
  covered: number;
  byLevel: { level: number | null; count: number }[];
  byStatus: { status: MembershipStatus; count: number }[];
}

export interface WorkplaceRow {
  workplace: WorkplaceEntity;
  memberCount: number;
  assessedCount: number;
  supporterCount: number;
  covered: number;
  openPetitions: number;
}

/** Every number the board sees, from SQL aggregates: never a row per member loaded into Node. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Members not archived, by support level and by status, and how many were contacted in 90 days. */
  async memberTotals(scope: Scope): Promise<MemberTotals> {
    const em = await this.tx.manager();
    const rows: { support_level: number | null; status: MembershipStatus; n: number; covered: number }[] =
      await em.query(
        `select support_level, status, count(*)::int as n,
              count(*) filter (where last_contact_at >= now() - interval '90 days')::int as covered
         from member where local_id = $1 and archived_at is null
        group by support_level, status`,
        [scope.localId],
      );
    const byLevel = new Map<number | null, number>();
    const byStatus = new Map<MembershipStatus, number>();
    let memberCount = 0;
    let covered = 0;
    for (const r of rows) {
      memberCount += r.n;
      covered += r.covered;
      byLevel.set(r.support_level, (byLevel.get(r.support_level) ?? 0) + r.n);
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
    }
    const levels = [...byLevel.entries()]
      .sort(([a], [b]) => (a ?? 9) - (b ?? 9))
      .map(([level, count]) => ({ level, count }));
    const statuses = [...byStatus.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => ({ status, count }));
    return { memberCount, covered, byLevel: levels, byStatus: statuses };
  }

  async oneOnOnesSince(scope: Scope, days: number): Promise<number> {
    const em = await this.tx.manager();
    const [row]: { n: number }[] = await em.query(
      `select count(*)::int as n from one_on_one where local_id = $1 and occurred_at >= now() - make_interval(days => $2)`,
      [scope.localId, days],
    );
    return row.n;
  }

  /** Follow-ups whose time has passed and that are not done. */
  async overdueFollowUps(scope: Scope): Promise<number> {
    const em = await this.tx.manager();
    const [row]: { n: number }[] = await em.query(
      `select count(*)::int as n from one_on_one
        where local_id = $1 and follow_up_done_at is null and follow_up_at is not null and follow_up_at < now()`,
      [scope.localId],
    );
    return row.n;
  }

  /** Per workplace that is not archived: members, assessed, supporters (1–2), contacted in 90 days, open petitions. */
  async workplaceRows(scope: Scope): Promise<WorkplaceRow[]> {
    const em = await this.tx.manager();
    const rows: (Record<string, unknown> & {
      member_count: number;
      assessed: number;
      supporters: number;
      covered: number;
      open_petitions: number;
    })[] = await em.query(
      `select w.id, w.local_id, w.name, w.kind, w.employer, w.address, w.headcount, w.archived_at,
                coalesce(m.member_count, 0)::int as member_count, coalesce(m.assessed, 0)::int as assessed,
                coalesce(m.supporters, 0)::int as supporters, coalesce(m.covered, 0)::int as covered,
                coalesce(p.open_petitions, 0)::int as open_petitions
           from workplace w
           left join (
             select workplace_id, count(*) as member_count, count(support_level) as assessed,
                    count(*) filter (where support_level in (1, 2)) as supporters,
                    count(*) filter (where last_contact_at >= now() - interval '90 days') as covered
               from member where local_id = $1 and archived_at is null and workplace_id is not null
              group by workplace_id) m on m.workplace_id = w.id
           left join (
             select workplace_id, count(*) as open_petitions
               from petition where local_id = $1 and status = 'OPEN' and workplace_id is not null
              group by workplace_id) p on p.workplace_id = w.id
          where w.local_id = $1 and w.archived_at is null
          order by w.name, w.id`,
      [scope.localId],
    );
    return rows.map((r) => ({
      workplace: Object.assign(new WorkplaceEntity(), {
        id: r.id,
        localId: r.local_id,
        name: r.name,
        kind: r.kind,
        employer: r.employer,
        address: r.address,
        headcount: r.headcount,
        archivedAt: r.archived_at,
      }),
      memberCount: r.member_count,
      assessedCount: r.assessed,
      supporterCount: r.supporters,
      covered: r.covered,
      openPetitions: r.open_petitions,
    }));
  }

  async openPetitions(scope: Scope): Promise<PetitionEntity[]> {
    const em = await this.tx.manager();
    return em.find(PetitionEntity, {
      where: { localId: scope.localId, status: 'OPEN' as PetitionEntity['status'] },
      order: { createdAt: 'DESC' },
    });
  }
}
