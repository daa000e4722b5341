import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';

/**
 * Contact details stop being unique in the database. A unique index answers a steward's write
 * with a CONFLICT that tells them someone at a workplace they cannot see has that phone or email.
 * The API now keeps them unique within what the writer can see, and a steward's write that meets
 * a member outside their scope is kept and flagged here, as a possible duplicate, for an organizer
 * to merge or dismiss.
 *
 * Also `juntos_analyze_after_import()`: the API's role owns no table, so it cannot ANALYZE; this
 * function, owned by the migration role, refreshes the planner statistics of the tables a large
 * import wrote, in the import's own transaction.
 */
export class PossibleDuplicates1796200000000 implements MigrationInterface {
  name = 'PossibleDuplicates1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`drop index member_local_email_key`);
    await q.query(`drop index member_local_phone_key`);
    // Still the access paths of the uniqueness check and of the import's matching.
    await q.query(`create index member_local_email_idx on member (local_id, email) where email is not null`);
    await q.query(`create index member_local_phone_idx on member (local_id, phone) where phone is not null`);

    await q.query(`
      create table possible_duplicate (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        member_id uuid not null,
        other_member_id uuid not null,
        matched text[] not null check (cardinality(matched) > 0 and matched <@ array['EMAIL', 'PHONE']),
        created_at timestamptz(3) not null default now(),
        constraint possible_duplicate_local_fk foreign key (local_id) references local (id) on delete cascade,
        constraint possible_duplicate_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint possible_duplicate_other_fk foreign key (local_id, other_member_id) references member (local_id, id) on delete cascade,
        constraint possible_duplicate_two_members check (member_id <> other_member_id)
      )`);
    // One row per pair, whichever of the two was written last.
    await q.query(`
      create unique index possible_duplicate_pair_key on possible_duplicate (
        least(member_id, other_member_id), greatest(member_id, other_member_id))`);
    await q.query(
      `create index possible_duplicate_local_idx on possible_duplicate (local_id, created_at, id)`,
    );
    await q.query(`create index possible_duplicate_other_idx on possible_duplicate (other_member_id)`);
    await enableLocalRls(q, 'possible_duplicate');
    await q.query(`grant select, insert, update, delete on possible_duplicate to juntos_app`);

    // Security definer with a fixed list of tables and no arguments: the caller can choose
    // nothing but when. ANALYZE reads every row whatever the caller's row-level security, but
    // writes only statistics (pg_stats hides them from roles under row-level security).
    await q.query(`
      create function juntos_analyze_after_import() returns void
        language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
      begin
        analyze public.member;
        analyze public.dashboard_tally;
      end $fn$`);
    await q.query(`revoke all on function juntos_analyze_after_import() from public`);
    await q.query(`grant execute on function juntos_analyze_after_import() to juntos_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function juntos_analyze_after_import()`);
    await q.query(`drop table possible_duplicate`);
    await q.query(`drop index member_local_phone_idx`);
    await q.query(`drop index member_local_email_idx`);
    // Fails while two members of a local share a contact detail: merge them first.
    await q.query(
      `create unique index member_local_phone_key on member (local_id, phone) where phone is not null`,
    );
    await q.query(
      `create unique index member_local_email_key on member (local_id, email) where email is not null`,
    );
  }
}
