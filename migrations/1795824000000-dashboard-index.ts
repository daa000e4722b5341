import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's one member aggregate (by workplace, support level and status, with contacts in
 * 90 days) reads only this index: an index-only scan, not the member rows.
 */
export class DashboardIndex1795824000000 implements MigrationInterface {
  name = 'DashboardIndex1795824000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index member_dashboard_idx on member (local_id, workplace_id, support_level, status, last_contact_at) where archived_at is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index member_dashboard_idx`);
  }
}
