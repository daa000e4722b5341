import { Injectable } from '@nestjs/common';
import { MembershipStatus, Scope } from '@juntos/common';
import { PetitionEntity, TransactionHost, WorkplaceEntity } from '@juntos/db';

/** Members not archived, counted per (workplace, support level, status): a few thousand rows at most. */
export interface MemberCell {
  workplaceId: string | null;
  level: number | null;
  status: MembershipStatus;
  count: number;
  /** Of them, contacted within 90 days. */
  covered: number;
}

/** Every number the board sees, from SQL aggregates: never a row per member loaded into Node. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * One pass over the local's members (an index-only scan of member_dashboard_idx) feeds the
   * totals, the breakdowns by level and status, and every workplace's numbers.
   */
  async memberCells(scope: Scope): Promise<MemberCell[]> {
    const em = await this.tx.manager();
    const rows: {
      workplace_id: string | null;
      support_level: number | null;
      status: MembershipStatus;
      n: number;
      covered: number;
    }[] = await em.query(
      `select workplace_id, support_level, status, count(*)::int as n,
                count(*) filter (where last_contact_at >= now() - interval '90 days')::int as covered
           from member where local_id = $1 and archived_at is null
          group by workplace_id, support_level, status`,
      [scope.localId],
    );
    return rows.map((r) => ({
      workplaceId: r.workplace_id,
      level: r.support_level,
      status: r.status,
      count: r.n,
      covered: r.covered,
    }));
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

  async workplaces(scope: Scope): Promise<WorkplaceEntity[]> {
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(WorkplaceEntity, 'w')
      .where('w.local_id = :localId AND w.archived_at IS NULL', { localId: scope.localId })
      .orderBy('w.name', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
  }

  async openPetitions(scope: Scope): Promise<PetitionEntity[]> {
    const em = await this.tx.manager();
    return em.find(PetitionEntity, {
      where: { localId: scope.localId, status: 'OPEN' as PetitionEntity['status'] },
      order: { createdAt: 'DESC' },
    });
  }
}
