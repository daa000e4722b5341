import { Pool } from 'pg';

/** Per table: its row count and a digest of every row's text, so an update shows as well as an insert. */
export type DatabaseSnapshot = Record<string, { rows: number; digest: string }>;

/**
 * Every table of the public schema (the migrations' own bookkeeping aside), read in one statement
 * through the owner pool of TestApp (a superuser: row-level security hides nothing from it).
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
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, digest: r.digest }]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.digest !== after[n]?.digest)
    .sort();
}
