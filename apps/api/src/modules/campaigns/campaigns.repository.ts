import { Injectable } from '@nestjs/common';
import { CampaignStage, Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  byTime,
  CampaignEntity,
  CampaignStageChangeEntity,
  entityColumns,
  keysetPage,
  MilestoneEntity,
  TransactionHost,
} from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';
import { FINAL_STAGES } from './campaign-rules';

export interface ProgressRow {
  campaignId: string;
  milestonesDone: number;
  milestonesTotal: number;
  signatureCount: number;
  signatureGoal: number;
}

/**
 * `column in (…)` the rows `perParent` picks for each campaign of :ids (its alias there is `c`):
 * a LIMIT per campaign, each read from its index, so a batch of campaigns never loads more than
 * the cap of any one of them.
 */
const perCampaign = (column: string, perParent: string) =>
  `${column} in (select x.id from unnest(cast(:ids as uuid[])) as c(id) cross join lateral (${perParent}) x)`;

const NEWEST = byTime<CampaignEntity>('c.created_at', 'c.id', (c) => c.createdAt, 'DESC');

@Injectable()
export class CampaignsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    row: Pick<CampaignEntity, 'title' | 'resolutionText' | 'decisionBody' | 'meetingAt'>,
  ): Promise<CampaignEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(CampaignEntity, { ...row, localId: scope.localId }));
  }

  async find(scope: Scope, id: string): Promise<CampaignEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(CampaignEntity, { where: { id, localId: scope.localId } });
  }

  /** Moves the stage only if it is still `from`; false when someone moved it meanwhile. */
  async setStage(
    scope: Scope,
    id: string,
    from: CampaignStage,
    to: CampaignStage,
    vote?: Pick<CampaignEntity, 'votesFor' | 'votesAgainst' | 'abstentions' | 'voteHeldAt'>,
  ): Promise<boolean> {
    const em = await this.tx.manager();
    const res = await em
      .createQueryBuilder()
      .update(CampaignEntity)
      .set({ stage: to, ...(vote ?? {}) })
      .where('id = :id AND local_id = :localId AND stage = :from', { id, localId: scope.localId, from })
      .execute();
    return res.affected === 1;
  }

  /** Appends to the history, in the caller's transaction. */
  async appendHistory(
    scope: Scope,
    row: Pick<CampaignStageChangeEntity, 'campaignId' | 'fromStage' | 'toStage' | 'changedBy' | 'note'>,
  ): Promise<void> {
    const em = await this.tx.manager();
    await em.insert(CampaignStageChangeEntity, { ...row, localId: scope.localId });
  }

  /**
   * Each campaign's latest LIST_MAX.campaignItems stage changes, oldest first. Vote corrections
   * append without end, so the cap keeps the newest (the index's tail, per campaign) and drops
   * the oldest.
   */
  async history(scope: Scope, campaignIds: readonly string[]): Promise<CampaignStageChangeEntity[]> {
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(CampaignStageChangeEntity, 'h')
      .where(
        perCampaign(
          'h.id',
          `select id from campaign_stage_change where local_id = :localId and campaign_id = c.id
            order by changed_at desc, id desc limit :max`,
        ),
        { localId: scope.localId, ids: [...campaignIds], max: LIST_MAX.campaignItems },
      )
      .orderBy('h.changed_at', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
  }

  /** Newest first. */
  async page(scope: Scope, stage: CampaignStage | undefined, args: PageArgs): Promise<Page<CampaignEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CampaignEntity, 'c')
      .where('c.local_id = :localId', { localId: scope.localId });
    if (stage) qb.andWhere('c.stage = :stage', { stage });
    return keysetPage(qb, NEWEST, args);
  }

  /** The LIST_MAX.campaignItems newest campaigns that are not final, for the dashboard. */
  async active(scope: Scope): Promise<CampaignEntity[]> {
    const em = await this.tx.manager();
    // Plain SQL: read on every dashboard view (docs/PERFORMANCE.md, round 2).
    return em.query(
      `select ${entityColumns(em, CampaignEntity, 'c')} from campaign c
        where c.local_id = $1 and c.stage <> all ($2::text[])
        order by c.created_at desc, c.id desc
        limit $3`,
      [scope.localId, FINAL_STAGES, LIST_MAX.campaignItems],
    );
  }

  async insertMilestone(
    scope: Scope,
    row: Pick<MilestoneEntity, 'campaignId' | 'title' | 'dueAt'>,
  ): Promise<MilestoneEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(MilestoneEntity, { ...row, localId: scope.localId }));
  }

  async findMilestone(scope: Scope, id: string): Promise<MilestoneEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(MilestoneEntity, { where: { id, localId: scope.localId } });
  }

  async completeMilestone(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em
      .createQueryBuilder()
      .update(MilestoneEntity)
      .set({ doneAt: () => 'now()' })
      .where('id = :id AND local_id = :localId AND done_at IS NULL', { id, localId: scope.localId })
      .execute();
  }

  /** Each campaign's first LIST_MAX.campaignItems milestones, in the order they were added. */
  async milestones(scope: Scope, campaignIds: readonly string[]): Promise<MilestoneEntity[]> {
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(MilestoneEntity, 'm')
      .where(
        perCampaign(
          'm.id',
          `select id from milestone where local_id = :localId and campaign_id = c.id
            order by created_at, id limit :max`,
        ),
        { localId: scope.localId, ids: [...campaignIds], max: LIST_MAX.campaignItems },
      )
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  async link(scope: Scope, campaignId: string, petitionId: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `insert into campaign_petition (campaign_id, petition_id, local_id) values ($1, $2, $3) on conflict do nothing`,
      [campaignId, petitionId, scope.localId],
    );
  }

  /** Each campaign's first LIST_MAX.campaignItems linked petitions, in the order they were linked. */
  async linkedPetitionIds(
    scope: Scope,
    campaignIds: readonly string[],
  ): Promise<{ campaignId: string; petitionId: string }[]> {
    const em = await this.tx.manager();
    const rows: { campaign_id: string; petition_id: string }[] = await em.query(
      `select c.id as campaign_id, l.petition_id
         from unnest($1::uuid[]) with ordinality as c(id, n)
        cross join lateral (
          select petition_id, created_at from campaign_petition
           where local_id = $2 and campaign_id = c.id
           order by created_at, petition_id limit $3) l
        order by c.n, l.created_at, l.petition_id`,
      [[...campaignIds], scope.localId, LIST_MAX.campaignItems],
    );
    return rows.map((r) => ({ campaignId: r.campaign_id, petitionId: r.petition_id }));
  }

  /** Milestones done and total, and signatures and goals summed over linked petitions: one statement. */
  async progress(scope: Scope, campaignIds: readonly string[]): Promise<ProgressRow[]> {
    const em = await this.tx.manager();
    const rows: { id: string; done: number; total: number; signatures: number; goal: number }[] =
      await em.query(
        `select c.id,
              (select count(*) filter (where done_at is not null) from milestone m where m.campaign_id = c.id)::int as done,
              (select count(*) from milestone m where m.campaign_id = c.id)::int as total,
              (select coalesce(sum(s.n), 0) from signature_tally s join campaign_petition cp on cp.petition_id = s.petition_id where cp.campaign_id = c.id)::int as signatures,
              (select coalesce(sum(p.goal), 0) from petition p join campaign_petition cp on cp.petition_id = p.id where cp.campaign_id = c.id)::int as goal
         from campaign c where c.id = any($1::uuid[]) and c.local_id = $2`,
        [campaignIds, scope.localId],
      );
    return rows.map((r) => ({
      campaignId: r.id,
      milestonesDone: r.done,
      milestonesTotal: r.total,
      signatureCount: r.signatures,
      signatureGoal: r.goal,
    }));
  }
}
