import { MigrationInterface, QueryRunner } from 'typeorm';

/** What members search matches: names, email and phone, folded (lowercase, no accents). */
const FOLDED = `juntos_fold(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, '') || ' ' ||
  coalesce(email, '') || ' ' || coalesce(phone, ''))`;

/**
 * Members search that answers at once. The trigram index over the folded expression never served
 * the API: its role reads under row-level security, and Postgres keeps a filter whose operator is
 * not leakproof (LIKE) above the policy's, so it cannot drive an index scan; every search folded
 * (unaccent) every member of the local, row by row. Now the folded text is stored in
 * `search_text`, kept by a trigger, and read from an index of (local_id, search_text): the search
 * scans the local's entries of that index, comparing stored text, and counts without the table.
 */
export class MemberSearchText1797700000000 implements MigrationInterface {
  name = 'MemberSearchText1797700000000';

  async up(q: QueryRunner): Promise<void> {
    // Filled as the table is rewritten, for every local at once (the owner is held by row-level
    // security, and an update would move every member's updated_at); then kept by the trigger.
    await q.query(`alter table member add column search_text text generated always as (${FOLDED}) stored`);
    await q.query(`alter table member alter column search_text drop expression`);
    await q.query(`alter table member alter column search_text set not null`);
    await q.query(`
      create function juntos_member_search_text() returns trigger language plpgsql as $fn$
      begin
        new.search_text := ${FOLDED.replace(/(first_name|last_name|preferred_name|email|phone)/g, 'new.$1')};
        return new;
      end $fn$`);
    await q.query(`
      create trigger member_search_text
        before insert or update of first_name, last_name, preferred_name, email, phone on member
        for each row execute function juntos_member_search_text()`);
    await q.query(`drop index member_search_idx`);
    // Archived and workplace in the index too: a steward's or the default (unarchived) search
    // is answered from the index alone once the table is vacuumed.
    await q.query(
      `create index member_local_search_idx on member (local_id, search_text) include (archived_at, workplace_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index member_local_search_idx`);
    await q.query(`create index member_search_idx on member using gin (${FOLDED} gin_trgm_ops)`);
    await q.query(`drop trigger member_search_text on member`);
    await q.query(`drop function juntos_member_search_text()`);
    await q.query(`alter table member drop column search_text`);
  }
}
