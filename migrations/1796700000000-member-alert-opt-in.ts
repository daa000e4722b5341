import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's consent to rapid-response alerts by text message. No one has given it until they
 * say so: every member, those already on file included, starts without it.
 */
export class MemberAlertOptIn1796700000000 implements MigrationInterface {
  name = 'MemberAlertOptIn1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table member add column alert_opt_in boolean not null default false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table member drop column alert_opt_in`);
  }
}
