import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableLocalRls } from './helpers/rls';
const STAGES = `('DRAFTING', 'BUILDING_SUPPORT', 'INTRODUCED', 'VOTED', 'PASSED', 'FAILED', 'IMPLEMENTED', 'WITHDRAWN')`;

/** Resolution campaigns: stage and its history, milestones, linked petitions and the vote. */
export class Campaigns1795737600000 implements MigrationInterface {
  name = 'Campaigns1795737600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table campaign (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        title text not null check (length(title) between 1 and 200),
        resolution_text text not null check (length(resolution_text) between 1 and 20000),
        decision_body text not null check (decision_body in ('EXECUTIVE_BOARD', 'GENERAL_MEMBERSHIP', 'DELEGATE_COUNCIL', 'TENANT_ASSEMBLY')),
        stage text not null default 'DRAFTING' check (stage in ${STAGES}),
        meeting_at timestamptz(3),
        votes_for integer check (votes_for >= 0),
        votes_against integer check (votes_against >= 0),
        abstentions integer check (abstentions >= 0),
        vote_held_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint campaign_local_fk foreign key (local_id) references local(id) on delete cascade,
        constraint campaign_local_id_id_key unique (local_id, id),
        constraint campaign_vote_whole check ((votes_for is null) = (vote_held_at is null))
      )`);
    await q.query(`create index campaign_local_created_idx on campaign (local_id, created_at desc, id desc)`);
    await q.query(`create index campaign_local_stage_idx on campaign (local_id, stage)`);
    await q.query(`
      create table campaign_stage_change (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        campaign_id uuid not null,
        from_stage text check (from_stage in ${STAGES}),
        to_stage text not null check (to_stage in ${STAGES}),
        changed_at timestamptz(3) not null default clock_timestamp(),
        changed_by uuid not null,
        note text check (length(note) <= 1000),
        constraint campaign_stage_change_campaign_fk foreign key (local_id, campaign_id) references campaign (local_id, id) on delete cascade,
        constraint campaign_stage_change_by_fk foreign key (changed_by) references app_user (id)
      )`);
    await q.query(
      `create index campaign_stage_change_campaign_idx on campaign_stage_change (campaign_id, changed_at, id)`,
    );
    await q.query(`
      create table milestone (
        id uuid primary key default gen_random_uuid(),
        local_id uuid not null,
        campaign_id uuid not null,
        title text not null check (length(title) between 1 and 200),
        due_at timestamptz(3),
        done_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        constraint milestone_campaign_fk foreign key (local_id, campaign_id) references campaign (local_id, id) on delete cascade
      )`);
    await q.query(`create index milestone_campaign_idx on milestone (campaign_id, created_at, id)`);
    // The composite keys keep a link inside one local: a campaign links only its own local's petitions.
    await q.query(`
      create table campaign_petition (
        campaign_id uuid not null,
        petition_id uuid not null,
        local_id uuid not null,
        created_at timestamptz(3) not null default now(),
        primary key (campaign_id, petition_id),
        constraint campaign_petition_campaign_fk foreign key (local_id, campaign_id) references campaign (local_id, id) on delete cascade,
        constraint campaign_petition_petition_fk foreign key (local_id, petition_id) references petition (local_id, id) on delete cascade
      )`);
    await q.query(`create index campaign_petition_petition_idx on campaign_petition (petition_id)`);
    for (const t of ['campaign', 'campaign_stage_change', 'milestone', 'campaign_petition']) {
      await enableLocalRls(q, t);
      await q.query(`grant select, insert, update, delete on ${t} to juntos_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['campaign_petition', 'milestone', 'campaign_stage_change', 'campaign'])
      await q.query(`drop table ${t}`);
  }
}
