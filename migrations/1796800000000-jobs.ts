import { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/** pg-boss's schema: background work (alert delivery, incident expiry) on the same Postgres. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * The queues, created here by the owner because pg-boss makes a table per queue, and the API's
 * role may not create tables. `__pgboss__send-it` is pg-boss's own queue for scheduled (cron) jobs.
 * Retries back off exponentially from `retryDelay` seconds.
 */
export const JOB_QUEUES: Record<string, object> = {
  'alert-delivery': {
    policy: 'standard',
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 600,
    retentionMinutes: 60,
  },
  'incident-expiry': {
    policy: 'standard',
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 300,
    retentionMinutes: 60,
  },
  // The same work on a schedule, as a backstop: its own queue, so a cron run is never taken for a
  // job some write queued.
  'incident-expiry-sweep': {
    policy: 'standard',
    retryLimit: 2,
    retryDelay: 60,
    retryBackoff: false,
    expireInSeconds: 300,
    retentionMinutes: 60,
  },
  '__pgboss__send-it': { policy: 'standard', retryLimit: 2, retryDelay: 0, retryBackoff: false },
};

/**
 * pg-boss 10's tables, functions and queues, owned by the migrating role, with row access (not DDL)
 * granted to juntos_app. The API starts pg-boss with `migrate: false`: a pg-boss upgrade that
 * changes its schema comes as a new migration running `PgBoss.getMigrationPlans`.
 *
 * Outside a transaction, because pg-boss's construction plan is its own transaction (with an
 * advisory lock); each step below is idempotent, so a run cut short can simply be run again.
 */
export class Jobs1796800000000 implements MigrationInterface {
  name = 'Jobs1796800000000';
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    const [{ installed }] = await q.query(
      `select to_regclass('${JOBS_SCHEMA}.version') is not null as installed`,
    );
    if (!installed) await q.query(PgBoss.getConstructionPlans(JOBS_SCHEMA));
    for (const [name, options] of Object.entries(JOB_QUEUES)) {
      await q.query(`select ${JOBS_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
    }
    await q.query(`grant usage on schema ${JOBS_SCHEMA} to juntos_app`);
    await q.query(
      `grant select, insert, update, delete on all tables in schema ${JOBS_SCHEMA} to juntos_app`,
    );
    // A queue added later by the owner (a new migration) is usable by the API without another grant.
    await q.query(
      `alter default privileges in schema ${JOBS_SCHEMA} grant select, insert, update, delete on tables to juntos_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `alter default privileges in schema ${JOBS_SCHEMA} revoke select, insert, update, delete on tables from juntos_app`,
    );
    await q.query(`drop schema ${JOBS_SCHEMA} cascade`);
  }
}
