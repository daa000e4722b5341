import { Pool } from 'pg';

/** Per table: its row count and a digest of every row's text, so an update shows as well as an insert. */
export type DatabaseSnapshot = Record<string, { rows: number; digest: string }>;

/**
 * Every table of the public schema (the migrations' own bookkeeping aside), and pg-boss's jobs,
 * read through the owner pool of TestApp (a superuser: row-level security hides nothing from it).
 */
export async function snapshotTables(db: Pool): Promise<DatabaseSnapshot> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables
      where schemaname = 'public' and tablename <> 'typeorm_migrations' order by tablename`,
  );
  const { rows } = await db.query<{ name: string; rows: number; digest: string }>(
    tables
      .map(
        ({ name }) =>
          `select '${name}' as name, count(*)::int as rows,
                  coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as digest from ${name} x`,
      )
      .join(' union all '),
  );
  // Jobs writes queued, by queue and payload only: workers change a job's state and times on their
  // own clock. Scheduled runs (pg-boss's cron queue and the expiry sweep) come from no write.
  const { rows: jobs } = await db.query<{ rows: number; digest: string }>(
    `select count(*)::int as rows, coalesce(md5(string_agg(name || data::text, '|' order by name || data::text)), '') as digest
       from pgboss.job where name not in ('__pgboss__send-it', 'incident-expiry-sweep')`,
  );
  return Object.fromEntries([
    ...rows.map((r) => [r.name, { rows: r.rows, digest: r.digest }]),
    ['pgboss.job', jobs[0]],
  ]);
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.digest !== after[n]?.digest)
    .sort();
}
