import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members of a local, with accent- and case-blind search (pg_trgm over unaccent), unique contact
 * details per local, and workplace names unique per local (CSV import maps workplaces by name).
 */
export class Members1795392000000 implements MigrationInterface {
  name = 'Members1795392000000';

  async up(q: QueryRunner): Promise<void> {
    // Both are trusted extensions: a database owner may create them.
    await q.query(`create extension if not exists pg_trgm`);
    await q.query(`create extension if not exists unaccent`);
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes this
    // wrapper safe to declare IMMUTABLE, so it can back an index.
    await q.query(`
      create function juntos_fold(text) returns text
        language sql immutable parallel safe strict
        as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);

    await q.query(`alter table workplace add constraint workplace_local_name_key unique (local_id, name)`);
    await q.query(`alter table unit add constraint unit_workplace_id_id_key unique (workplace_id, id)`);
    await q.query(`alter table audit_event add column detail jsonb`);

    await q.query(`
      create table member (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid,
        unit_id uuid,
        first_name text not null check (length(first_name) between 1 and 100),
        last_name text not null check (length(last_name) between 1 and 100),
        preferred_name text,
        phone text,
        email text check (email = lower(email)),
        preferred_language text,
        status text not null default 'PROSPECT' check (status in ('PROSPECT', 'MEMBER', 'NON_MEMBER', 'FORMER')),
        card_signed_at timestamptz(3),
        support_level smallint check (support_level between 1 and 5),
        last_contact_at timestamptz(3),
        tags text[] not null default '{}',
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        archived_at timestamptz(3),
        constraint member_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint member_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id),
        constraint member_unit_fk foreign key (workplace_id, unit_id) references unit (workplace_id, id),
        constraint member_unit_needs_workplace check (unit_id is null or workplace_id is not null),
        constraint member_local_id_id_key unique (local_id, id)
      )`);
    await q.query(
      `create unique index member_local_email_key on member (local_id, email) where email is not null`,
    );
    await q.query(
      `create unique index member_local_phone_key on member (local_id, phone) where phone is not null`,
    );
    // Alphabetical keyset pages, for the whole local and for one workplace.
    await q.query(`create index member_local_name_idx on member (local_id, last_name, first_name, id)`);
    await q.query(
      `create index member_workplace_name_idx on member (local_id, workplace_id, last_name, first_name, id)`,
    );
    await q.query(`create index member_unit_idx on member (unit_id) where unit_id is not null`);
    await q.query(`create index member_tags_idx on member using gin (tags)`);
    // Search across names, email and phone, blind to case and accents: "josé" finds "Jose".
    await q.query(`
      create index member_search_idx on member using gin (
        juntos_fold(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, '') || ' ' ||
                    coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table member`);
    await q.query(`alter table audit_event drop column detail`);
    await q.query(`alter table unit drop constraint unit_workplace_id_id_key`);
    await q.query(`alter table workplace drop constraint workplace_local_name_key`);
    await q.query(`drop function juntos_fold(text)`);
    await q.query(`drop extension if exists unaccent`);
    await q.query(`drop extension if exists pg_trgm`);
  }
}
