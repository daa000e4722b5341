import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `member.updated_at` is what an incremental sync (OSDI's `modified_date`) trusts, so it must move
 * whenever the member changes, however the change is written: TypeORM sets it on its own updates,
 * but hand-written SQL and foreign-key actions (a unit deleted) bypass TypeORM.
 * - A row update that changes anything moves it to now(), unless the statement set it itself.
 * - An update that changes nothing (a re-import of the same file) leaves it where it was.
 * - A signature given or withdrawn changes the member as Juntos shows them, so it moves too.
 */
export class MemberModified1797100000000 implements MigrationInterface {
  name = 'MemberModified1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function juntos_member_modified() returns trigger language plpgsql as $fn$
      begin
        if new.updated_at is not distinct from old.updated_at then
          new.updated_at := now();
        end if;
        return new;
      end $fn$`);
    await q.query(`
      create trigger member_modified before update on member
        for each row when (old.* is distinct from new.*) execute function juntos_member_modified()`);
    // Statement-level, with the rows as a set: one update of the members however many signed.
    await q.query(`
      create function juntos_member_signed() returns trigger language plpgsql as $fn$
      begin
        update member m set updated_at = now()
          from (select distinct local_id, member_id from changed_rows) s
         where m.id = s.member_id and m.local_id = s.local_id;
        return null;
      end $fn$`);
    await q.query(`
      create trigger signature_member_insert after insert on signature referencing new table as changed_rows
        for each statement execute function juntos_member_signed()`);
    await q.query(`
      create trigger signature_member_delete after delete on signature referencing old table as changed_rows
        for each statement execute function juntos_member_signed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger signature_member_delete on signature`);
    await q.query(`drop trigger signature_member_insert on signature`);
    await q.query(`drop function juntos_member_signed()`);
    await q.query(`drop trigger member_modified on member`);
    await q.query(`drop function juntos_member_modified()`);
  }
}
