import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableLocalRls, enableLocalRls, PURPOSE, SCOPE, USER } from './helpers/rls';

/** The tables carrying local_id when this migration was written; later tables add their own. */
export const LOCAL_TABLES = [
  'workplace',
  'unit',
  'role_assignment',
  'role_assignment_workplace',
  'invitation',
  'member',
];

/**
 * The backstop behind the permission layer. A request sees and writes only rows of the locals in
 * `app.local_ids`, set transaction-locally by the API; a forgotten check in code then returns
 * nothing foreign instead of leaking it. The API connects as a member of `juntos_app`, a role
 * that owns nothing, is not superuser and cannot bypass RLS; migrations run as the owner.
 */
export class RowLevelSecurity1795478400000 implements MigrationInterface {
  name = 'RowLevelSecurity1795478400000';

  async up(q: QueryRunner): Promise<void> {
    // The group role the API's login role belongs to. An operator without CREATEROLE creates it
    // beforehand (README: "Database roles").
    await q.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'juntos_app') then
          create role juntos_app nologin nosuperuser nobypassrls;
        end if;
      end $$`);

    for (const t of LOCAL_TABLES) await enableLocalRls(q, t);
    // Building the Actor (system path auth:load-actor): a user reads their own grants.
    await q.query(
      `create policy role_assignment_own on role_assignment for select using (user_id = ${USER})`,
    );
    await q.query(`
      create policy role_assignment_workplace_own on role_assignment_workplace for select using (
        exists (select 1 from role_assignment ra where ra.id = role_assignment_id and ra.user_id = ${USER}))`);
    // Accepting an invitation (system path auth:accept-invitation): found by its token hash
    // before its local is known; every write after that is scoped to that local.
    await q.query(
      `create policy invitation_accept on invitation for select using (${PURPOSE} = 'auth:accept-invitation')`,
    );

    // The audit log: read within scope; appended within scope, or with no local only on a named
    // system path (sign-in events). Never updated or deleted by the API.
    await q.query(`alter table audit_event enable row level security`);
    await q.query(`alter table audit_event force row level security`);
    await q.query(
      `create policy audit_event_read on audit_event for select using (local_id = any (${SCOPE}))`,
    );
    await q.query(`
      create policy audit_event_append on audit_event for insert with check (
        local_id = any (${SCOPE}) or (local_id is null and coalesce(${PURPOSE}, '') <> ''))`);

    await q.query(`grant usage on schema public to juntos_app`);
    await q.query(`grant select, insert, update, delete on all tables in schema public to juntos_app`);
    await q.query(`grant usage, select on all sequences in schema public to juntos_app`);
    await q.query(`revoke update, delete, truncate on audit_event from juntos_app`);
    await q.query(`revoke all on typeorm_migrations from juntos_app`);
    await q.query(
      `alter default privileges in schema public grant select, insert, update, delete on tables to juntos_app`,
    );
    await q.query(`alter default privileges in schema public grant usage, select on sequences to juntos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `alter default privileges in schema public revoke usage, select on sequences from juntos_app`,
    );
    await q.query(
      `alter default privileges in schema public revoke select, insert, update, delete on tables from juntos_app`,
    );
    await q.query(`revoke all on all sequences in schema public from juntos_app`);
    await q.query(`revoke all on all tables in schema public from juntos_app`);
    await q.query(`revoke usage on schema public from juntos_app`);
    await q.query(`drop policy audit_event_append on audit_event`);
    await q.query(`drop policy audit_event_read on audit_event`);
    await q.query(`alter table audit_event no force row level security`);
    await q.query(`alter table audit_event disable row level security`);
    await q.query(`drop policy invitation_accept on invitation`);
    await q.query(`drop policy role_assignment_workplace_own on role_assignment_workplace`);
    await q.query(`drop policy role_assignment_own on role_assignment`);
    for (const t of LOCAL_TABLES) await disableLocalRls(q, t);
    // juntos_app stays: roles belong to the cluster, and other databases may use it.
  }
}
