import { MigrationInterface, QueryRunner } from 'typeorm';
import { PURPOSE, SCOPE, USER } from './helpers/rls';

/** The settings as the policies read them before this migration: once for every row. */
const PER_ROW = {
  scope: `nullif(current_setting('app.local_ids', true), '')::uuid[]`,
  user: `nullif(current_setting('app.user_id', true), '')::uuid`,
  purpose: `current_setting('app.system_purpose', true)`,
};
/** And after it (helpers/rls.ts): a scalar subquery, which Postgres evaluates once per statement. */
const ONCE = { scope: SCOPE, user: USER, purpose: PURPOSE };

type Settings = typeof PER_ROW;

/** Every policy that reads a setting, but the standard `<table>_local_scope` ones: [table, policy, using, check]. */
const policies = (s: Settings): [string, string, string | null, string | null][] => [
  ['audit_event', 'audit_event_read', `local_id = any (${s.scope})`, null],
  [
    'audit_event',
    'audit_event_append',
    null,
    `local_id = any (${s.scope}) or (local_id is null and coalesce(${s.purpose}, '') <> '')`,
  ],
  [
    'audit_event',
    'audit_event_append_own_session',
    null,
    `local_id is null and actor_id = ${s.user} and action in ('session.end', 'session.end_others')`,
  ],
  ['role_assignment', 'role_assignment_own', `user_id = ${s.user}`, null],
  [
    'role_assignment_workplace',
    'role_assignment_workplace_own',
    `exists (select 1 from role_assignment ra where ra.id = role_assignment_id and ra.user_id = ${s.user})`,
    null,
  ],
  ['invitation', 'invitation_accept', `${s.purpose} = 'auth:accept-invitation'`, null],
  ['one_on_one', 'one_on_one_key_check', `${s.purpose} in ('notes:key-check', 'notes:reencrypt')`, null],
  [
    'one_on_one',
    'one_on_one_reencrypt',
    `${s.purpose} = 'notes:reencrypt'`,
    `${s.purpose} = 'notes:reencrypt'`,
  ],
  ['incident', 'incident_expire', `${s.purpose} = 'incidents:expire'`, null],
  ['api_token', 'api_token_authenticate', `${s.purpose} = 'osdi:authenticate'`, null],
  [
    'api_token',
    'api_token_touch',
    `${s.purpose} = 'osdi:authenticate'`,
    `${s.purpose} = 'osdi:authenticate'`,
  ],
];

/**
 * Row-level security that reads its settings once per statement. A policy's
 * `current_setting('app.local_ids')::uuid[]` was evaluated for every row a statement looked at:
 * parsing the list of locals again each time. A search counting 10,000 of a 100,000-member local's
 * rows spent half its time there (112 ms against 58 ms, EXPLAIN ANALYZE on the bench's data).
 * Wrapped in a scalar subquery, the same expression becomes an InitPlan, evaluated once, and still
 * serves as an index condition. The rows each policy admits are the same: the settings never
 * change within a statement.
 */
export class ScopeOncePerStatement1797800000000 implements MigrationInterface {
  name = 'ScopeOncePerStatement1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await rewrite(q, ONCE);
  }

  async down(q: QueryRunner): Promise<void> {
    await rewrite(q, PER_ROW);
  }
}

async function rewrite(q: QueryRunner, s: Settings): Promise<void> {
  const standard: { table: string }[] = await q.query(
    `select tablename as table from pg_policies where schemaname = 'public' and policyname = tablename || '_local_scope'`,
  );
  for (const { table } of standard)
    await q.query(
      `alter policy ${table}_local_scope on ${table} using (local_id = any (${s.scope})) with check (local_id = any (${s.scope}))`,
    );
  for (const [table, policy, using, check] of policies(s)) {
    const clauses = [using && `using (${using})`, check && `with check (${check})`].filter(Boolean);
    await q.query(`alter policy ${policy} on ${table} ${clauses.join(' ')}`);
  }
}
