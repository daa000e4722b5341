import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';

/**
 * Events of a local (optionally of one workplace), and one attendance row per member and event
 * holding two separate facts: the RSVP answer and whether the member attended (OSDI v1.2). An
 * erased member's rows go with them (cascade).
 */
export class Events1796500000000 implements MigrationInterface {
  name = 'Events1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table event (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid,
        kind text not null check (kind in ('KYR_TRAINING', 'MEETING', 'ASSEMBLY', 'ACTION', 'OTHER')),
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 5000),
        starts_at timestamptz(3) not null,
        ends_at timestamptz(3),
        timezone text not null default 'UTC',
        location text check (length(location) <= 500),
        capacity integer check (capacity >= 1),
        status text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'CANCELLED')),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint event_ends_after_starts check (ends_at is null or ends_at > starts_at),
        constraint event_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint event_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id),
        constraint event_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index event_local_starts_idx on event (local_id, starts_at, id)`);
    await q.query(`
      create table attendance (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        event_id uuid not null,
        member_id uuid not null,
        rsvp text check (rsvp in ('ACCEPTED', 'TENTATIVE', 'DECLINED', 'NEEDS_ACTION')),
        attended boolean,
        recorded_by uuid not null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint attendance_event_member_key unique (event_id, member_id),
        constraint attendance_event_fk foreign key (local_id, event_id) references event (local_id, id) on delete cascade,
        constraint attendance_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint attendance_recorded_by_fk foreign key (recorded_by) references app_user (id)
      )`);
    await q.query(`create index attendance_member_idx on attendance (member_id)`);
    for (const t of ['event', 'attendance']) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update, delete on ${t} to juntos_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table attendance`);
    await q.query(`drop table event`);
  }
}
