import { MigrationInterface, QueryRunner } from 'typeorm';

/** Locals, users, roles per local (with steward workplaces), invitations, sign-in state and the audit log. */
export class Accounts1795305600000 implements MigrationInterface {
  name = 'Accounts1795305600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table local (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 200),
        kind text not null check (kind in ('UNION_LOCAL', 'TENANT_UNION')),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      )`);
    await q.query(`
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        email text not null check (email = lower(email)),
        display_name text not null,
        password_hash text not null,
        is_platform_admin boolean not null default false,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint app_user_email_key unique (email)
      )`);
    await q.query(`
      create table workplace (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null references local(id) on delete cascade,
        name text not null,
        kind text not null check (kind in ('WORKSITE', 'BUILDING')),
        employer text,
        address text,
        headcount integer check (headcount >= 0),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        archived_at timestamptz(3),
        constraint workplace_local_id_id_key unique (local_id, id)
      )`);
    await q.query(
      `create index workplace_local_created_idx on workplace (local_id, created_at desc, id desc)`,
    );
    await q.query(`
      create table unit (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid not null,
        name text not null,
        created_at timestamptz(3) not null default now(),
        constraint unit_workplace_fk foreign key (local_id, workplace_id)
          references workplace (local_id, id) on delete cascade,
        constraint unit_workplace_name_key unique (workplace_id, name)
      )`);
    await q.query(`create index unit_local_idx on unit (local_id, workplace_id)`);
    await q.query(`
      create table role_assignment (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null references local(id) on delete cascade,
        user_id uuid not null references app_user(id) on delete cascade,
        role text not null check (role in ('LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER')),
        created_at timestamptz(3) not null default now(),
        constraint role_assignment_key unique (local_id, user_id, role),
        constraint role_assignment_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index role_assignment_user_idx on role_assignment (user_id)`);
    // The composite keys make a steward's workplace belong to the same local as the assignment.
    await q.query(`
      create table role_assignment_workplace (
        role_assignment_id uuid not null,
        workplace_id uuid not null,
        local_id uuid not null,
        primary key (role_assignment_id, workplace_id),
        constraint raw_assignment_fk foreign key (local_id, role_assignment_id)
          references role_assignment (local_id, id) on delete cascade,
        constraint raw_workplace_fk foreign key (local_id, workplace_id)
          references workplace (local_id, id) on delete cascade
      )`);
    await q.query(
      `create index role_assignment_workplace_local_idx on role_assignment_workplace (local_id, workplace_id)`,
    );
    await q.query(`
      create table invitation (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null references local(id) on delete cascade,
        email text not null check (email = lower(email)),
        role text not null check (role in ('LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER')),
        workplace_ids uuid[] not null default '{}',
        token_hash bytea not null,
        invited_by uuid references app_user(id) on delete set null,
        expires_at timestamptz(3) not null,
        accepted_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        constraint invitation_token_hash_key unique (token_hash)
      )`);
    await q.query(`create index invitation_local_idx on invitation (local_id, created_at desc)`);
    await q.query(`
      create table refresh_token (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id) on delete cascade,
        token_hash bytea not null,
        expires_at timestamptz(3) not null,
        revoked_at timestamptz(3),
        replaced_by uuid,
        created_at timestamptz(3) not null default now(),
        constraint refresh_token_hash_key unique (token_hash)
      )`);
    await q.query(`create index refresh_token_user_idx on refresh_token (user_id) where revoked_at is null`);
    await q.query(`
      create table login_attempt (
        id bigint generated always as identity primary key,
        account_key bytea not null,
        ip text not null,
        outcome text not null check (outcome in ('success', 'failure', 'refused')),
        created_at timestamptz(3) not null default now()
      )`);
    await q.query(`create index login_attempt_account_idx on login_attempt (account_key, created_at)`);
    await q.query(`create index login_attempt_ip_idx on login_attempt (ip, created_at)`);
    await q.query(`
      create table account_lock (
        account_key bytea primary key,
        locked_until timestamptz(3) not null
      )`);
    // No foreign keys: an event outlives the user, local or record it names.
    await q.query(`
      create table audit_event (
        id uuid primary key default gen_random_uuid(),
        local_id uuid,
        actor_id uuid,
        action text not null,
        target_type text,
        target_id uuid,
        ip text,
        created_at timestamptz(3) not null default now()
      )`);
    await q.query(`create index audit_event_local_idx on audit_event (local_id, created_at desc, id desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_event',
      'account_lock',
      'login_attempt',
      'refresh_token',
      'invitation',
      'role_assignment_workplace',
      'role_assignment',
      'unit',
      'workplace',
      'app_user',
      'local',
    ]) {
      await q.query(`drop table ${t}`);
    }
  }
}
