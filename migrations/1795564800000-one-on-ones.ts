import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls, PURPOSE } from './helpers/rls';

/**
 * One-on-one conversations. Notes are stored only as AES-256-GCM ciphertext (libs/crypto); the
 * database never sees them in the clear. Erasing a member deletes their conversations.
 */
export class OneOnOnes1795564800000 implements MigrationInterface {
  name = 'OneOnOnes1795564800000';

  async up(q: QueryRunner): Promise<void> {
    // When the member's current assessment was made, so an older conversation logged late never
    // overwrites a newer assessment.
    await q.query(`alter table member add column assessed_at timestamptz(3)`);
    await q.query(`
      create table one_on_one (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        member_id uuid not null,
        steward_id uuid not null,
        occurred_at timestamptz(3) not null,
        channel text not null check (channel in ('IN_PERSON', 'PHONE', 'VIDEO', 'TEXT')),
        support_level smallint check (support_level between 1 and 5),
        issues text[] not null default '{}',
        notes text check (notes like 'v1:%'),
        next_step text,
        follow_up_at timestamptz(3),
        follow_up_done_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint one_on_one_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint one_on_one_steward_fk foreign key (steward_id) references app_user (id)
      )`);
    await q.query(
      `create index one_on_one_local_occurred_idx on one_on_one (local_id, occurred_at desc, id desc)`,
    );
    await q.query(
      `create index one_on_one_member_occurred_idx on one_on_one (member_id, occurred_at desc, id desc)`,
    );
    await q.query(`
      create index one_on_one_open_follow_up_idx on one_on_one (local_id, steward_id, follow_up_at)
        where follow_up_done_at is null and follow_up_at is not null`);

    await enableLocalRls(q, 'one_on_one');
    // Key rotation works across every local, on named system paths only: reading which keys are
    // in use at start, and rewriting notes under the current key (`npm run notes:reencrypt`).
    await q.query(
      `create policy one_on_one_key_check on one_on_one for select using (${PURPOSE} in ('notes:key-check', 'notes:reencrypt'))`,
    );
    await q.query(
      `create policy one_on_one_reencrypt on one_on_one for update using (${PURPOSE} = 'notes:reencrypt') with check (${PURPOSE} = 'notes:reencrypt')`,
    );
    await q.query(`grant select, insert, update, delete on one_on_one to juntos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table one_on_one`);
    await q.query(`alter table member drop column assessed_at`);
  }
}
