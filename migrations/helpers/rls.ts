import { QueryRunner } from 'typeorm';

/**
 * The locals a request may touch: `app.local_ids`, set transaction-locally by the API. Unset or
 * blank reads as null, and `local_id = any (null)` matches no row: default deny. Each setting is
 * read in a scalar subquery, which Postgres evaluates once per statement rather than for every row
 * (migration ScopeOncePerStatement, which also rewrote the policies made before it); the cast
 * keeps `= any (…)` an array comparison rather than a subquery one.
 */
export const SCOPE = `(select nullif(current_setting('app.local_ids', true), '')::uuid[])::uuid[]`;
/** The signed-in user, for the few policies that read a user's own rows. */
export const USER = `(select nullif(current_setting('app.user_id', true), '')::uuid)`;
/** The named system path a transaction runs on (systemScope), or null/blank in a request. */
export const PURPOSE = `(select current_setting('app.system_purpose', true))`;

/**
 * The standard row-level security of a table carrying `local_id`: enabled, forced (so the owner
 * is held too), and one policy `<table>_local_scope` letting a request read and write only rows of
 * the locals in its scope. Grants stay with the migration: not every table gets every privilege.
 *
 * Not a migration: migrations/index.ts lists migrations by name, and this file is not among them.
 */
export async function enableLocalRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`alter table ${table} enable row level security`);
  await q.query(`alter table ${table} force row level security`);
  await q.query(
    `create policy ${table}_local_scope on ${table} using (local_id = any (${SCOPE})) with check (local_id = any (${SCOPE}))`,
  );
}

/** The down counterpart of enableLocalRls, for a table the down migration keeps. */
export async function disableLocalRls(q: QueryRunner, table: string): Promise<void> {
  await q.query(`drop policy ${table}_local_scope on ${table}`);
  await q.query(`alter table ${table} no force row level security`);
  await q.query(`alter table ${table} disable row level security`);
}
