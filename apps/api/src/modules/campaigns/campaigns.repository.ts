import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CampaignStage, KeysetCursor } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  CampaignEntity,
  CampaignPetitionEntity,
  CampaignStageChangeEntity,
  MilestoneEntity,
  TransactionHost,
} from '@juntos/db';
import { FINAL_STAGES } from './campaign-rules';

export interface ProgressRow {
  campaignId: string;
  milestonesDone: number;
  milestonesTotal: number;
  signatureCount: number;
  signatureGoal: number;
}

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

  async history(scope: Scope, campaignIds: readonly string[]): Promise<CampaignStageChangeEntity[]> {
    const em = await this.tx.manager();
    return em.find(CampaignStageChangeEntity, {
      where: { localId: scope.localId, campaignId: In([...campaignIds]) },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
  }

  async page(
    scope: Scope,
    stage: CampaignStage | undefined,
    limit: number,
    after: KeysetCursor | null,
  ): Promise<{ rows: CampaignEntity[]; total: number }> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CampaignEntity, 'c')
      .where('c.local_id = :localId', { localId: scope.localId });
    if (stage) qb.andWhere('c.stage = :stage', { stage });
    const total = await qb.getCount();
    if (after) qb.andWhere('(c.created_at, c.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(limit).getMany();
    return { rows, total };
  }

  /** Campaigns that are not final, for the dashboard. */
  async active(scope: Scope): Promise<CampaignEntity[]> {
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(CampaignEntity, 'c')
      .where('c.local_id = :localId AND c.stage NOT IN (:...final)', {
        localId: scope.localId,
        final: FINAL_STAGES,
      })
      .orderBy('c.created_at', 'DESC')
      .getMany();
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

  async milestones(scope: Scope, campaignIds: readonly string[]): Promise<MilestoneEntity[]> {
    const em = await this.tx.manager();
    return em.find(MilestoneEntity, {
      where: { localId: scope.localId, campaignId: In([...campaignIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async link(scope: Scope, campaignId: string, petitionId: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `insert into campaign_petition (campaign_id, petition_id, local_id) values ($1, $2, $3) on conflict do nothing`,
      [campaignId, petitionId, scope.localId],
    );
  }

  async linkedPetitionIds(scope: Scope, campaignIds: readonly string[]): Promise<CampaignPetitionEntity[]> {
    const em = await this.tx.manager();
    return em.find(CampaignPetitionEntity, {
      where: { localId: scope.localId, campaignId: In([...campaignIds]) },
      order: { createdAt: 'ASC' },
    });
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
