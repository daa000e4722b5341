import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';

/**
 * Committees of a local (optionally of one workplace), who sits on them (one seat per member and
 * committee, with a role and an optional unit), and each committee member's contacts (a member has
 * at most one contact per committee). An erased member's seats and contact rows go with them.
 */
export class Committees1796600000000 implements MigrationInterface {
  name = 'Committees1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table committee (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid,
        kind text not null check (kind in ('ORGANIZING_COMMITTEE', 'BUILDING_COMMITTEE', 'DEFENSE_COMMITTEE', 'RAPID_RESPONSE_TEAM', 'ASSEMBLY')),
        name text not null check (length(name) between 1 and 200),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        archived_at timestamptz(3),
        constraint committee_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint committee_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id),
        constraint committee_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index committee_local_created_idx on committee (local_id, created_at, id)`);
    await q.query(
      `create unique index committee_local_name_key on committee (local_id, name) where archived_at is null`,
    );
    await q.query(`
      create table committee_membership (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        committee_id uuid not null,
        member_id uuid not null,
        role text not null check (role in ('CHAIR', 'SECRETARY', 'CAPTAIN', 'MEMBER')),
        unit_id uuid,
        created_at timestamptz(3) not null default now(),
        constraint committee_membership_committee_member_key unique (committee_id, member_id),
        constraint committee_membership_committee_id_key unique (committee_id, id),
        constraint committee_membership_committee_fk foreign key (local_id, committee_id) references committee (local_id, id) on delete cascade,
        constraint committee_membership_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint committee_membership_unit_fk foreign key (unit_id) references unit (id) on delete set null
      )`);
    await q.query(`create index committee_membership_member_idx on committee_membership (member_id)`);
    await q.query(`
      create table committee_contact (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        committee_id uuid not null,
        membership_id uuid not null,
        member_id uuid not null,
        created_at timestamptz(3) not null default now(),
        constraint committee_contact_committee_member_key unique (committee_id, member_id),
        constraint committee_contact_membership_fk foreign key (committee_id, membership_id) references committee_membership (committee_id, id) on delete cascade,
        constraint committee_contact_committee_fk foreign key (local_id, committee_id) references committee (local_id, id) on delete cascade,
        constraint committee_contact_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade
      )`);
    await q.query(`create index committee_contact_membership_idx on committee_contact (membership_id)`);
    await q.query(`create index committee_contact_member_idx on committee_contact (member_id)`);
    for (const t of ['committee', 'committee_membership', 'committee_contact']) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update, delete on ${t} to juntos_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table committee_contact`);
    await q.query(`drop table committee_membership`);
    await q.query(`drop table committee`);
  }
}
