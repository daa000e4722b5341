import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';

/**
 * Adds netted deltas to a tally, in key order, so two transactions lock shared counter rows in
 * the same order and cannot deadlock on them. `deltas` yields the key columns and `d` (+1, -1);
 * rows that net to zero are never written, so an update that moves nothing takes no lock.
 */
const upsertDeltas =
  (t: { table: string; keys: string; shard: string; conflict: string; where?: string }) =>
  (deltas: string) => `
  insert into ${t.table} (${t.keys}, shard, n)
  select ${t.keys}, ${t.shard} as shard, n
    from (select ${t.keys}, sum(d)::int as n from (${deltas}) deltas
           ${t.where ? `where ${t.where}` : ''}
           group by ${t.keys} having sum(d) <> 0) netted
   order by ${t.keys}, shard
  on conflict ${t.conflict} do update set n = ${t.table}.n + excluded.n`;

/** Eight shards: one row per local and day would serialize every conversation logged today. */
const SHARD = 'floor(random() * 8)::smallint';

/** The local-wide rows (status, one-on-ones, follow-ups) are sharded; per-workplace rows are not. */
const applyDeltas = upsertDeltas({
  table: 'dashboard_tally',
  keys: 'local_id, kind, day, workplace_id, support_level, status',
  shard: `case when kind in ('status', 'one_on_one', 'follow_up') then ${SHARD} else 0 end`,
  conflict: 'on constraint dashboard_tally_key',
});

/**
 * What a member row adds while it is not archived: its (workplace, support level) cell, its
 * status, and its workplace's count for the UTC week (from Monday) of its last contact. Weeks,
 * not days: coverage reads a 90-day window, which is then 13 rows per workplace instead of 90.
 */
const MEMBER_DELTAS = (rows: string, d: number) => `
  select local_id, 'level' as kind, null::date as day, workplace_id, support_level, null::text as status, ${d} as d
    from ${rows} where archived_at is null
  union all
  select local_id, 'status', null, null, null, status, ${d}
    from ${rows} where archived_at is null
  union all
  select local_id, 'contact', date_trunc('week', last_contact_at at time zone 'UTC')::date, workplace_id, null, null, ${d}
    from ${rows} where archived_at is null and last_contact_at is not null`;

/** What a one-on-one adds: its day, and its follow-up's due day while the follow-up is open. */
const ONE_ON_ONE_DELTAS = (rows: string, d: number) => `
  select local_id, 'one_on_one' as kind, (occurred_at at time zone 'UTC')::date as day,
         null::uuid as workplace_id, null::smallint as support_level, null::text as status, ${d} as d
    from ${rows}
  union all
  select local_id, 'follow_up', (follow_up_at at time zone 'UTC')::date, null, null, null, ${d}
    from ${rows} where follow_up_at is not null and follow_up_done_at is null`;

/**
 * Signatures per petition, sharded: a petition drive signs many members at once. Petitions that
 * are gone (a cascade) are skipped.
 */
const applySignatureDeltas = upsertDeltas({
  table: 'signature_tally',
  keys: 'local_id, petition_id',
  shard: SHARD,
  conflict: '(petition_id, shard)',
  where: 'exists (select 1 from petition p where p.id = deltas.petition_id)',
});

const SIGNATURE_DELTAS = (rows: string, d: number) => `select local_id, petition_id, ${d} as d from ${rows}`;

/** One trigger function per table: the same upsert over whichever transition tables the event has. */
const triggerFunction = (
  name: string,
  deltas: (rows: string, d: number) => string,
  apply: (deltas: string) => string = applyDeltas,
) => `
  create function ${name}() returns trigger language plpgsql as $fn$
  begin
    if tg_op = 'INSERT' then
      ${apply(deltas('new_rows', 1))};
    elsif tg_op = 'DELETE' then
      ${apply(deltas('old_rows', -1))};
    else
      ${apply(`${deltas('old_rows', -1)} union all ${deltas('new_rows', 1)}`)};
    end if;
    return null;
  end $fn$`;

const triggers = (table: string, fn: string) => [
  `create trigger ${table}_tally_insert after insert on ${table} referencing new table as new_rows
     for each statement execute function ${fn}()`,
  `create trigger ${table}_tally_update after update on ${table} referencing old table as old_rows new table as new_rows
     for each statement execute function ${fn}()`,
  `create trigger ${table}_tally_delete after delete on ${table} referencing old table as old_rows
     for each statement execute function ${fn}()`,
];

/**
 * The dashboard's counters (and signatures per petition), kept by statement-level triggers in the same transaction as the rows
 * they count, so they are always exact. A large local's dashboard then reads a few thousand tally
 * rows instead of counting 100,000 members and their conversations on every view. The windowed
 * numbers (coverage in 90 days, conversations in 30, overdue follow-ups) add whole UTC days from
 * the tally to an exact count of the one boundary day, read from the rows through an index.
 */
export class DashboardTally1795910400000 implements MigrationInterface {
  name = 'DashboardTally1795910400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table dashboard_tally (
        local_id uuid not null,
        kind text not null,
        day date,
        workplace_id uuid,
        support_level smallint,
        status text,
        shard smallint not null default 0,
        n integer not null,
        constraint dashboard_tally_kind_check check (kind in ('level', 'status', 'contact', 'one_on_one', 'follow_up')),
        constraint dashboard_tally_key unique nulls not distinct (local_id, kind, day, workplace_id, support_level, status, shard)
      )`);
    await q.query(`
      create table signature_tally (
        local_id uuid not null,
        petition_id uuid not null,
        shard smallint not null,
        n integer not null,
        primary key (petition_id, shard)
      )`);
    await q.query(triggerFunction('dashboard_tally_members', MEMBER_DELTAS));
    await q.query(triggerFunction('dashboard_tally_one_on_ones', ONE_ON_ONE_DELTAS));
    await q.query(triggerFunction('signature_tally_apply', SIGNATURE_DELTAS, applySignatureDeltas));

    // The tally of what is already there. The owner may not bypass row-level security, so the
    // migration lifts it from these tables for its own transaction only.
    const counted = ['member', 'one_on_one', 'signature', 'petition'];
    for (const t of counted) await q.query(`alter table ${t} no force row level security`);
    await q.query(
      applyDeltas(`${MEMBER_DELTAS('member', 1)} union all ${ONE_ON_ONE_DELTAS('one_on_one', 1)}`),
    );
    await q.query(applySignatureDeltas(SIGNATURE_DELTAS('signature', 1)));
    for (const t of counted) await q.query(`alter table ${t} force row level security`);

    for (const s of [
      ...triggers('member', 'dashboard_tally_members'),
      ...triggers('one_on_one', 'dashboard_tally_one_on_ones'),
      ...triggers('signature', 'signature_tally_apply'),
    ])
      await q.query(s);

    for (const t of ['dashboard_tally', 'signature_tally']) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update on ${t} to juntos_app`);
    }

    // The boundary days, read exactly from the rows. The old covering index served the member
    // aggregate this replaces.
    await q.query(`drop index member_dashboard_idx`);
    await q.query(
      `create index member_last_contact_idx on member (local_id, last_contact_at) include (workplace_id) where archived_at is null`,
    );
    await q.query(`
      create index one_on_one_local_follow_up_idx on one_on_one (local_id, follow_up_at)
        where follow_up_done_at is null and follow_up_at is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index one_on_one_local_follow_up_idx`);
    await q.query(`drop index member_last_contact_idx`);
    await q.query(
      `create index member_dashboard_idx on member (local_id, workplace_id, support_level, status, last_contact_at) where archived_at is null`,
    );
    for (const t of ['member', 'one_on_one', 'signature'])
      for (const e of ['insert', 'update', 'delete']) await q.query(`drop trigger ${t}_tally_${e} on ${t}`);
    await q.query(`drop function signature_tally_apply()`);
    await q.query(`drop function dashboard_tally_one_on_ones()`);
    await q.query(`drop function dashboard_tally_members()`);
    await q.query(`drop table signature_tally`);
    await q.query(`drop table dashboard_tally`);
  }
}
