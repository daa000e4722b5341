import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';

/** Petitions and their signatures: one per member, counted in SQL, gone with an erased member. */
export class Petitions1795651200000 implements MigrationInterface {
  name = 'Petitions1795651200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table petition (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid,
        title text not null check (length(title) between 1 and 200),
        demand text not null check (length(demand) between 1 and 5000),
        target text not null check (length(target) between 1 and 300),
        goal integer not null check (goal >= 1),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'DELIVERED', 'WON', 'LOST', 'CLOSED')),
        opened_at timestamptz(3),
        deadline timestamptz(3),
        delivered_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint petition_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint petition_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id),
        constraint petition_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index petition_local_created_idx on petition (local_id, created_at desc, id desc)`);
    await q.query(`create index petition_local_status_idx on petition (local_id, status)`);
    await q.query(`
      create table signature (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        petition_id uuid not null,
        member_id uuid not null,
        collected_by uuid not null,
        method text not null check (method in ('PAPER', 'DIGITAL', 'VERBAL')),
        signed_at timestamptz(3) not null default now(),
        created_at timestamptz(3) not null default now(),
        constraint signature_petition_member_key unique (petition_id, member_id),
        constraint signature_petition_fk foreign key (local_id, petition_id) references petition (local_id, id) on delete cascade,
        constraint signature_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint signature_collected_by_fk foreign key (collected_by) references app_user (id)
      )`);
    await q.query(
      `create index signature_petition_signed_idx on signature (petition_id, signed_at desc, id desc)`,
    );
    await q.query(`create index signature_member_idx on signature (member_id)`);
    for (const t of ['petition', 'signature']) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update, delete on ${t} to juntos_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table signature`);
    await q.query(`drop table petition`);
  }
}
