import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls, PURPOSE } from './helpers/rls';

const TABLES = [
  'incident',
  'incident_verification',
  'alert',
  'alert_delivery',
  'responder',
  'responder_workplace',
] as const;

/**
 * The rapid-response network: incidents and their verifications, alerts and the outbox of their
 * deliveries, and the responder roster. Every table carries local_id under the standard policy.
 *
 * Expiry erases incidents of every local, so its system path ('incidents:expire') may find the due
 * ones anywhere (select only); it then scopes itself to their locals to erase them like a request.
 */
export class RapidResponse1796900000000 implements MigrationInterface {
  name = 'RapidResponse1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table incident (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        workplace_id uuid,
        kind text not null,
        status text not null default 'REPORTED',
        location text,
        details text,
        reported_at timestamptz(3) not null,
        expires_at timestamptz(3) not null,
        erased_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint incident_kind_check check (kind in ('WORKPLACE_RAID', 'HOME_RAID', 'CHECKPOINT', 'ARREST', 'SURVEILLANCE', 'OTHER')),
        constraint incident_status_check check (status in ('REPORTED', 'CONFIRMED', 'FALSE_ALARM', 'UNCONFIRMED', 'CLOSED')),
        constraint incident_location_check check (length(location) between 1 and 300),
        constraint incident_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint incident_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id),
        constraint incident_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index incident_local_reported_idx on incident (local_id, reported_at, id)`);
    await q.query(`create index incident_expires_idx on incident (expires_at) where erased_at is null`);

    await q.query(`
      create table incident_verification (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        incident_id uuid not null,
        by_user_id uuid not null,
        outcome text not null,
        note text,
        at timestamptz(3) not null default now(),
        constraint incident_verification_outcome_check check (outcome in ('CONFIRMED', 'FALSE_ALARM', 'UNCONFIRMED')),
        constraint incident_verification_incident_fk foreign key (local_id, incident_id) references incident (local_id, id) on delete cascade,
        constraint incident_verification_by_fk foreign key (by_user_id) references app_user (id)
      )`);
    await q.query(
      `create index incident_verification_incident_idx on incident_verification (incident_id, at, id)`,
    );

    await q.query(`
      create table alert (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        incident_id uuid not null,
        audience text not null,
        message text,
        status text not null default 'PROPOSED',
        proposed_by uuid not null,
        approved_by uuid,
        recipient_count integer not null default 0,
        approved_at timestamptz(3),
        sent_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint alert_audience_check check (audience in ('RESPONDERS', 'WORKPLACE_MEMBERS', 'LOCAL_MEMBERS')),
        constraint alert_status_check check (status in ('PROPOSED', 'SENDING', 'SENT', 'CANCELLED')),
        constraint alert_message_check check (length(message) between 1 and 320),
        constraint alert_incident_fk foreign key (local_id, incident_id) references incident (local_id, id) on delete cascade,
        constraint alert_proposed_by_fk foreign key (proposed_by) references app_user (id),
        constraint alert_approved_by_fk foreign key (approved_by) references app_user (id),
        constraint alert_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index alert_incident_idx on alert (incident_id, created_at, id)`);

    await q.query(`
      create table alert_delivery (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        alert_id uuid not null,
        member_id uuid,
        status text not null default 'PENDING',
        attempts smallint not null default 0,
        updated_at timestamptz(3) not null default now(),
        constraint alert_delivery_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')),
        constraint alert_delivery_alert_fk foreign key (local_id, alert_id) references alert (local_id, id) on delete cascade,
        constraint alert_delivery_member_fk foreign key (member_id) references member (id) on delete set null,
        constraint alert_delivery_alert_member_key unique (alert_id, member_id)
      )`);
    await q.query(`create index alert_delivery_alert_status_idx on alert_delivery (alert_id, status)`);
    await q.query(`create index alert_delivery_member_idx on alert_delivery (member_id)`);

    await q.query(`
      create table responder (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        member_id uuid not null,
        skills text[] not null default '{}',
        available boolean not null default true,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint responder_skills_check check (skills <@ array['VERIFIER', 'LEGAL_OBSERVER', 'DRIVER', 'INTERPRETER', 'ACCOMPANIMENT']::text[]),
        constraint responder_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint responder_member_fk foreign key (local_id, member_id) references member (local_id, id) on delete cascade,
        constraint responder_member_key unique (member_id),
        constraint responder_local_id_id_key unique (local_id, id)
      )`);
    await q.query(`create index responder_local_created_idx on responder (local_id, created_at, id)`);
    await q.query(`
      create table responder_workplace (
        responder_id uuid not null,
        workplace_id uuid not null,
        local_id uuid not null,
        constraint responder_workplace_pkey primary key (responder_id, workplace_id),
        constraint responder_workplace_responder_fk foreign key (local_id, responder_id) references responder (local_id, id) on delete cascade,
        constraint responder_workplace_workplace_fk foreign key (local_id, workplace_id) references workplace (local_id, id) on delete cascade
      )`);
    await q.query(`create index responder_workplace_workplace_idx on responder_workplace (workplace_id)`);

    for (const t of TABLES) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update, delete on ${t} to juntos_app`);
    }
    await q.query(
      `create policy incident_expire on incident for select using (${PURPOSE} = 'incidents:expire')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`drop table ${t}`);
  }
}
