import { Injectable } from '@nestjs/common';
import { badInput, conflict, CampaignStage, notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { CampaignEntity, CampaignStageChangeEntity, MilestoneEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { PetitionsService } from '../petitions/petitions.service';
import { assertCanRecordVote, assertStageMove, campaignPercent } from './campaign-rules';
import { CampaignsRepository, ProgressRow } from './campaigns.repository';
import { AdvanceStageInput, CampaignInput, MilestoneInput, RecordVoteInput } from './dto/campaign.inputs';

const { DRAFTING, VOTED } = CampaignStage;

@Injectable()
export class CampaignsService {
  constructor(
    private readonly access: AccessService,
    private readonly campaigns: CampaignsRepository,
    private readonly petitions: PetitionsService,
    private readonly audit: AuditService,
  ) {}

  /** Starts in DRAFTING; its history begins with that entry, from nothing to DRAFTING. */
  async create(ctx: RequestContext, input: CampaignInput): Promise<CampaignEntity> {
    const scope = this.access.requireLocal(ctx, 'campaigns:manage', input.localId);
    const campaign = await this.campaigns.insert(scope, {
      title: input.title,
      resolutionText: input.resolutionText,
      decisionBody: input.decisionBody,
      meetingAt: input.meetingAt ?? null,
    });
    await this.campaigns.appendHistory(scope, {
      campaignId: campaign.id,
      fromStage: null,
      toStage: DRAFTING,
      changedBy: ctx.actor.userId,
      note: null,
    });
    await this.audit.recordIn(ctx, scope, 'campaign.create', { type: 'ResolutionCampaign', id: campaign.id });
    return campaign;
  }

  async advance(ctx: RequestContext, input: AdvanceStageInput): Promise<CampaignEntity> {
    const scope = await this.access.requireRecord(ctx, 'campaigns:decide', 'campaign', input.campaignId);
    const campaign = (await this.campaigns.find(scope, input.campaignId))!;
    const vote = campaign.voteHeldAt
      ? { votesFor: campaign.votesFor ?? 0, votesAgainst: campaign.votesAgainst ?? 0 }
      : null;
    assertStageMove(campaign.stage, input.stage, vote);
    return this.changeStage(ctx, scope, campaign, input.stage, input.note ?? null, 'campaign.advance');
  }

  /** Allowed while INTRODUCED or VOTED: records the vote and moves the stage to VOTED. */
  async recordVote(ctx: RequestContext, input: RecordVoteInput): Promise<CampaignEntity> {
    const scope = await this.access.requireRecord(ctx, 'campaigns:decide', 'campaign', input.campaignId);
    const campaign = (await this.campaigns.find(scope, input.campaignId))!;
    assertCanRecordVote(campaign.stage);
    if (input.heldAt.getTime() > Date.now() + 3600_000)
      throw badInput('heldAt cannot be in the future.', 'heldAt');
    const vote = {
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      abstentions: input.abstentions,
      voteHeldAt: input.heldAt,
    };
    const note = `vote recorded: ${input.votesFor} for, ${input.votesAgainst} against, ${input.abstentions} abstaining`;
    return this.changeStage(ctx, scope, campaign, VOTED, note, 'campaign.recordVote', vote);
  }

  async addMilestone(ctx: RequestContext, input: MilestoneInput): Promise<MilestoneEntity> {
    const scope = await this.access.requireRecord(ctx, 'campaigns:manage', 'campaign', input.campaignId);
    const milestone = await this.campaigns.insertMilestone(scope, {
      campaignId: input.campaignId,
      title: input.title,
      dueAt: input.dueAt ?? null,
    });
    await this.audit.recordIn(ctx, scope, 'campaign.addMilestone', { type: 'Milestone', id: milestone.id });
    return milestone;
  }

  async completeMilestone(ctx: RequestContext, id: string): Promise<MilestoneEntity> {
    const scope = await this.access.requireRecord(ctx, 'campaigns:manage', 'milestone', id);
    await this.campaigns.completeMilestone(scope, id);
    await this.audit.recordIn(ctx, scope, 'campaign.completeMilestone', { type: 'Milestone', id });
    return (await this.campaigns.findMilestone(scope, id))!;
  }

  /** Links only a petition of the campaign's own local; anything else reads as missing. */
  async linkPetition(ctx: RequestContext, campaignId: string, petitionId: string): Promise<CampaignEntity> {
    const scope = await this.access.requireRecord(ctx, 'campaigns:manage', 'campaign', campaignId);
    const petition = await this.petitions.get(ctx, petitionId);
    if (!petition || petition.localId !== scope.localId) throw notFound('Petition');
    await this.campaigns.link(scope, campaignId, petitionId);
    await this.audit.recordIn(ctx, scope, 'campaign.linkPetition', {
      type: 'ResolutionCampaign',
      id: campaignId,
    });
    return (await this.campaigns.find(scope, campaignId))!;
  }

  list(
    ctx: RequestContext,
    localId: string,
    stage: CampaignStage | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CampaignEntity>> {
    const scope = this.access.requireLocal(ctx, 'campaigns:read', localId);
    return this.campaigns.page(scope, stage, { first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<CampaignEntity | null> {
    const scope = await this.access.findRecord(ctx, 'campaigns:read', 'campaign', id);
    return scope ? this.campaigns.find(scope, id) : null;
  }

  /** For the dashboard, whose caller has already been checked for the local. */
  active(scope: Scope): Promise<CampaignEntity[]> {
    return this.campaigns.active(scope);
  }

  /** The scope nested campaign fields read with, or null where the viewer reads no campaign there. */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'campaigns:read', localId);
  }

  // Batched reads for nested fields, within a scope from libs/access.
  history(scope: Scope, ids: readonly string[]): Promise<CampaignStageChangeEntity[]> {
    return this.campaigns.history(scope, ids);
  }
  milestones(scope: Scope, ids: readonly string[]): Promise<MilestoneEntity[]> {
    return this.campaigns.milestones(scope, ids);
  }
  /** Only ids: each petition is then read as `petition(id)` would show it. */
  async linkedPetitions(
    scope: Scope,
    ids: readonly string[],
  ): Promise<{ campaignId: string; petitionId: string }[]> {
    return this.campaigns.linkedPetitionIds(scope, ids);
  }
  async progress(scope: Scope, ids: readonly string[]): Promise<(ProgressRow & { percent: number })[]> {
    const rows = await this.campaigns.progress(scope, ids);
    return rows.map((r) => ({ ...r, percent: campaignPercent(r) }));
  }

  /** The stage and its history entry land together, or not at all. */
  private async changeStage(
    ctx: RequestContext,
    scope: Scope,
    campaign: CampaignEntity,
    to: CampaignStage,
    note: string | null,
    action: string,
    vote?: Pick<CampaignEntity, 'votesFor' | 'votesAgainst' | 'abstentions' | 'voteHeldAt'>,
  ): Promise<CampaignEntity> {
    if (!(await this.campaigns.setStage(scope, campaign.id, campaign.stage, to, vote))) {
      throw conflict('The campaign changed meanwhile: load it again.', 'stage');
    }
    await this.campaigns.appendHistory(scope, {
      campaignId: campaign.id,
      fromStage: campaign.stage,
      toStage: to,
      changedBy: ctx.actor.userId,
      note,
    });
    await this.audit.recordIn(ctx, scope, action, { type: 'ResolutionCampaign', id: campaign.id });
    return (await this.campaigns.find(scope, campaign.id))!;
  }
}
