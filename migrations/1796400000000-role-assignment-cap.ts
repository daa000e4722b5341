import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user holds at most 10 role assignments in all locals together (4 roles per local; 10 covers
 * someone active in a few locals), so `me { roles }` has a real maximum the cost limit can count.
 *
 * Enforced here, not in the API, because a grant made in one local must count the user's grants
 * in every other local, which the request cannot see: row-level security holds it to its own
 * locals. A security definer function would not see them either: the table has FORCE ROW LEVEL
 * SECURITY, so its owner is held to the same policies (unless it is a superuser, as in the
 * tests, where such a function would seem to work). So the trigger counts through the policy
 * that lets a user read their own grants (`role_assignment_own`, as `juntos_load_actor` does):
 * it points `app.user_id` at the grantee for the one count, then puts the caller's value back.
 *
 * An after-insert trigger fires only for a row actually inserted, so re-granting a role the user
 * already holds (the API's `on conflict do nothing`) counts nothing. Grants to one user take
 * turns on an advisory lock, and the count after it sees every grant committed before, so two
 * grants in different locals at once cannot both see 9. The error has its own SQLSTATE, JU010,
 * which RolesRepository.upsert turns into CONFLICT.
 */
export class RoleAssignmentCap1796400000000 implements MigrationInterface {
  name = 'RoleAssignmentCap1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function juntos_role_assignment_cap() returns trigger
        language plpgsql security invoker set search_path = pg_catalog, pg_temp as $fn$
      declare
        caller text := current_setting('app.user_id', true);
        held int;
      begin
        perform pg_advisory_xact_lock(hashtextextended('role-assignment-cap:' || new.user_id::text, 0));
        perform set_config('app.user_id', new.user_id::text, true);
        select count(*) into held from public.role_assignment where user_id = new.user_id;
        perform set_config('app.user_id', coalesce(caller, ''), true);
        if held > 10 then
          raise exception 'user % would hold % role assignments, over the cap of 10', new.user_id, held
            using errcode = 'JU010';
        end if;
        return null;
      end $fn$`);
    await q.query(`revoke all on function juntos_role_assignment_cap() from public`);
    await q.query(`
      create trigger role_assignment_cap after insert on role_assignment
        for each row execute function juntos_role_assignment_cap()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger role_assignment_cap on role_assignment`);
    await q.query(`drop function juntos_role_assignment_cap()`);
  }
}
