import { Injectable } from '@nestjs/common';
import { MembershipStatus } from '@juntos/common';
import { Scope } from '@juntos/access';
import { entityColumns, PetitionEntity, TransactionHost, WorkplaceEntity } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';

/** Members not archived, counted three ways. */
export interface MemberCounts {
  byLevel: { level: number | null; count: number }[];
  byStatus: { status: MembershipStatus; count: number }[];
  byWorkplace: Map<string | null, { members: number; assessed: number; supporters: number }>;
}

/** How many of a workplace's members had a one-on-one within 90 days. */
export interface Coverage {
  workplaceId: string | null;
  covered: number;
}

/** One week of the coverage history: members present at its end, and those of them met in the 30 days before. */
export interface CoverageWeekRow {
  weekEnding: Date;
  members: number;
  covered: number;
}

/** The first whole UTC day of a window reaching back `interval`: the tally holds days from there. */
const firstWholeDay = (interval: string) =>
  `(((now() - interval '${interval}') at time zone 'UTC')::date + 1)`;
/** The instant that day starts. The window's part before it is counted exactly, from the rows. */
const startOf = (day: string) => `(${day}::timestamp at time zone 'UTC')`;
const TODAY = `((now() at time zone 'UTC')::date)`;
/** How many whole weeks (of 168 hours) before now an instant is, as a week ends every 168 hours back. */
const WEEKS_AGO = (column: string) => `floor(extract(epoch from now() - ${column}) / 604800)`;
/** The first whole UTC week (from Monday) of a window reaching back `interval`. */
const firstWholeWeek = (interval: string) =>
  `(date_trunc('week', (now() - interval '${interval}') at time zone 'UTC')::date + 7)`;

/**
 * The dashboard's statements, each taking the local's id as $1. Exported so the benchmark's SQL
 * floor runs exactly this text.
 */
export const DASHBOARD_SQL = {
  memberCounts: `select case grouping(workplace_id, support_level) when 1 then 'workplace' else 'level' end as grp,
              workplace_id, support_level, null::text as status, sum(n)::int as n,
              coalesce(sum(n) filter (where support_level is not null), 0)::int as assessed,
              coalesce(sum(n) filter (where support_level in (1, 2)), 0)::int as supporters
         from dashboard_tally
        where local_id = $1 and kind = 'level' and day is null
        group by grouping sets ((workplace_id), (support_level))
       having sum(n) <> 0
       union all
       select 'status', null, null, status, sum(n)::int, 0, 0
         from dashboard_tally
        where local_id = $1 and kind = 'status' and day is null
        group by status
       having sum(n) <> 0
        order by grp, support_level nulls last, status`,
  coverage: `select workplace_id, sum(n)::int as n from (
         select workplace_id, n from dashboard_tally
          where local_id = $1 and kind = 'contact' and day >= ${firstWholeWeek('90 days')}
         union all
         select workplace_id, 1 from member
          where local_id = $1 and archived_at is null
            and last_contact_at >= now() - interval '90 days' and last_contact_at < ${startOf(firstWholeWeek('90 days'))}
       ) covered group by workplace_id having sum(n) <> 0`,
  activity: `select
         (select coalesce(sum(n), 0) from dashboard_tally
           where local_id = $1 and kind = 'one_on_one' and day >= ${firstWholeDay('30 days')})
         + (select count(*) from one_on_one
             where local_id = $1 and occurred_at >= now() - interval '30 days' and occurred_at < ${startOf(firstWholeDay('30 days'))})
           as last30,
         (select coalesce(sum(n), 0) from dashboard_tally
           where local_id = $1 and kind = 'follow_up' and day < ${TODAY})
         + (select count(*) from one_on_one
             where local_id = $1 and follow_up_done_at is null and follow_up_at is not null
               and follow_up_at >= ${startOf(TODAY)} and follow_up_at < now())
           as overdue`,
  /**
   * $2 weeks, each ending a whole number of weeks (168 hours) before now, the last ending now: the
   * members present at its end (added by then, not archived by then) and how many of them had a
   * one-on-one in the 30 days before it. Oldest first.
   */
  coverageHistory: `with week as materialized (
         select i, now() - make_interval(hours => 168 * i) as ends
           from generate_series(0, $2::int - 1) as i
       ),
       -- One pass over the local's members, into a few hundred groups: by how many whole weeks
       -- ago each was added and archived (capped at $2). A member is present at week i's end when
       -- added i or more weeks ago and not archived (gone -1) or archived fewer than i weeks ago.
       member_weeks as (
         select least(${WEEKS_AGO('created_at')}, $2)::int as added,
                case when archived_at is null then -1 else least(${WEEKS_AGO('archived_at')}, $2)::int end as gone,
                count(*)::int as n
           from member
          where local_id = $1
          group by 1, 2
       ),
       present as (
         select w.i, w.ends, coalesce(sum(g.n), 0)::int as members
           from week w
           left join member_weeks g on g.added >= w.i and g.gone < w.i
          group by w.i, w.ends
       ),
       -- The one-on-ones read by date from their index, 30 days a week; each member counted once a week.
       covered as (
         select w.i, count(distinct o.member_id)::int as covered
           from week w
           join one_on_one o
             on o.local_id = $1 and o.occurred_at > w.ends - interval '30 days' and o.occurred_at <= w.ends
           join member m on m.local_id = o.local_id and m.id = o.member_id
          where m.created_at <= w.ends and (m.archived_at is null or m.archived_at > w.ends)
          group by w.i
       )
       select p.ends as week_ending, p.members, coalesce(c.covered, 0) as covered
         from present p left join covered c on c.i = p.i
        order by p.i desc`,
};

/**
 * Every number the board sees, from SQL: the counters in dashboard_tally (kept exact by triggers
 * in the writing transaction), plus exact counts of the one boundary day of each time window.
 * Never a row per member loaded into Node, and never a pass over every member of the local, but
 * for the coverage history's one (the tally keeps no past): grouped in SQL, a dozen rows come back.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The breakdowns by level and by status, and every workplace's counts, in one statement over the
   * tally's (workplace, level) cells and status rows (about 2,000 for a local of 100,000): only
   * the few hundred sums the dashboard shows come back. Level 1 and 2 are supporters.
   */
  async memberCounts(scope: Scope): Promise<MemberCounts> {
    const em = await this.tx.manager();
    const rows: {
      grp: 'workplace' | 'level' | 'status';
      workplace_id: string | null;
      support_level: number | null;
      status: MembershipStatus | null;
      n: number;
      assessed: number;
      supporters: number;
    }[] = await em.query(DASHBOARD_SQL.memberCounts, [scope.localId]);
    const counts: MemberCounts = { byLevel: [], byStatus: [], byWorkplace: new Map() };
    for (const r of rows) {
      if (r.grp === 'workplace')
        counts.byWorkplace.set(r.workplace_id, {
          members: r.n,
          assessed: r.assessed,
          supporters: r.supporters,
        });
      else if (r.grp === 'level') counts.byLevel.push({ level: r.support_level, count: r.n });
      else counts.byStatus.push({ status: r.status!, count: r.n });
    }
    return counts;
  }

  /** Members per workplace whose last contact is within 90 days. */
  async coverage(scope: Scope): Promise<Coverage[]> {
    const em = await this.tx.manager();
    const rows: { workplace_id: string | null; n: number }[] = await em.query(DASHBOARD_SQL.coverage, [
      scope.localId,
    ]);
    return rows.map((r) => ({ workplaceId: r.workplace_id, covered: r.n }));
  }

  /** One-on-ones in the last 30 days, and follow-ups whose time has passed and are not done. */
  async activity(scope: Scope): Promise<{ last30: number; overdue: number }> {
    const em = await this.tx.manager();
    const [row]: { last30: number; overdue: number }[] = await em.query(DASHBOARD_SQL.activity, [
      scope.localId,
    ]);
    return { last30: Number(row.last30), overdue: Number(row.overdue) };
  }

  /** The coverage history's weeks, oldest first: numbers only. */
  async coverageHistory(scope: Scope, weeks: number): Promise<CoverageWeekRow[]> {
    const em = await this.tx.manager();
    const rows: { week_ending: Date; members: number; covered: number }[] = await em.query(
      DASHBOARD_SQL.coverageHistory,
      [scope.localId, weeks],
    );
    return rows.map((r) => ({ weekEnding: r.week_ending, members: r.members, covered: r.covered }));
  }

  /**
   * The local's workplaces, by name, at most LIST_MAX.workplaces of them (what the cost limit
   * counts on), each with how many of its petitions are open: counted in the same statement, so
   * the count stays exact however many petitions the capped openPetitions list leaves out.
   */
  async workplaces(scope: Scope): Promise<{ workplace: WorkplaceEntity; openPetitions: number }[]> {
    const em = await this.tx.manager();
    // Plain SQL: up to 300 rows on every dashboard view, read without TypeORM's query building
    // and hydration (docs/PERFORMANCE.md, round 2).
    const rows: (WorkplaceEntity & { openPetitions: number })[] = await em.query(
      `select ${entityColumns(em, WorkplaceEntity, 'w')}, coalesce(op.n, 0)::int as "openPetitions"
         from workplace w
         left join (select workplace_id, count(*)::int as n from petition
                     where local_id = $1 and status = 'OPEN' and workplace_id is not null
                     group by workplace_id) op on op.workplace_id = w.id
        where w.local_id = $1 and w.archived_at is null
        order by w.name, w.id
        limit $2`,
      [scope.localId, LIST_MAX.workplaces],
    );
    return rows.map(({ openPetitions, ...workplace }) => ({ workplace, openPetitions }));
  }

  /** The local's open petitions, newest first. */
  async openPetitions(scope: Scope): Promise<PetitionEntity[]> {
    const em = await this.tx.manager();
    return em.query(
      `select ${entityColumns(em, PetitionEntity, 'p')} from petition p
        where p.local_id = $1 and p.status = 'OPEN'
        order by p.created_at desc, p.id desc
        limit $2`,
      [scope.localId, LIST_MAX.campaignItems],
    );
  }
}
