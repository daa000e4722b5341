import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CampaignStage, mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { User } from '../accounts/models/user.model';
import { loadUser } from '../accounts/user.loader';
import { UsersService } from '../accounts/users.service';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { Petition } from '../petitions/models/petition.model';
import { PetitionsService } from '../petitions/petitions.service';
import { loadPetition } from '../petitions/petition.loaders';
import { loadLinkedPetitionIds, loadMilestones, loadProgress, loadStageHistory } from './campaign.loaders';
import { CampaignsService } from './campaigns.service';
import { AdvanceStageInput, CampaignInput, MilestoneInput, RecordVoteInput } from './dto/campaign.inputs';
import {
  CampaignConnection,
  CampaignProgress,
  Milestone,
  ResolutionCampaign,
  StageChange,
} from './models/campaign.model';

@Resolver(() => ResolutionCampaign)
export class CampaignsResolver {
  constructor(
    private readonly campaignService: CampaignsService,
    private readonly petitionService: PetitionsService,
    private readonly locals: LocalsService,
  ) {}

  @Query(() => CampaignConnection, {
    description: "The local's resolution campaigns, newest first.",
    complexity: pageCost,
  })
  @Authorize('campaigns:read')
  async campaigns(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('stage', { type: () => CampaignStage, nullable: true }) stage?: CampaignStage,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CampaignConnection> {
    const page = await this.campaignService.list(ctx, localId, stage, first, after);
    return mapPage(page, ResolutionCampaign.from);
  }

  @Query(() => ResolutionCampaign, { nullable: true })
  @Authorize('campaigns:read')
  async campaign(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<ResolutionCampaign | null> {
    const c = await this.campaignService.get(ctx, id);
    return c ? ResolutionCampaign.from(c) : null;
  }

  @Mutation(() => ResolutionCampaign)
  @Authorize('campaigns:manage')
  async createCampaign(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CampaignInput,
  ): Promise<ResolutionCampaign> {
    return ResolutionCampaign.from(await this.campaignService.create(ctx, input));
  }

  @Mutation(() => ResolutionCampaign)
  @Authorize('campaigns:decide')
  async advanceCampaignStage(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AdvanceStageInput,
  ): Promise<ResolutionCampaign> {
    return ResolutionCampaign.from(await this.campaignService.advance(ctx, input));
  }

  @Mutation(() => ResolutionCampaign)
  @Authorize('campaigns:decide')
  async recordVote(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordVoteInput,
  ): Promise<ResolutionCampaign> {
    return ResolutionCampaign.from(await this.campaignService.recordVote(ctx, input));
  }

  @Mutation(() => Milestone)
  @Authorize('campaigns:manage')
  async addMilestone(@Ctx() ctx: RequestContext, @Args('input') input: MilestoneInput): Promise<Milestone> {
    return Milestone.from(await this.campaignService.addMilestone(ctx, input));
  }

  @Mutation(() => Milestone)
  @Authorize('campaigns:manage')
  async completeMilestone(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Milestone> {
    return Milestone.from(await this.campaignService.completeMilestone(ctx, id));
  }

  @Mutation(() => ResolutionCampaign)
  @Authorize('campaigns:manage')
  async linkPetition(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }, UuidPipe) campaignId: string,
    @Args('petitionId', { type: () => ID }, UuidPipe) petitionId: string,
  ): Promise<ResolutionCampaign> {
    return ResolutionCampaign.from(await this.campaignService.linkPetition(ctx, campaignId, petitionId));
  }

  @ResolveField(() => Local)
  @Authorize('campaigns:read')
  local(
    @Ctx() ctx: RequestContext,
    @Parent() c: ResolutionCampaign,
    @Context('req') req: object,
  ): Promise<Local> {
    return loadLocal(req, ctx, this.locals, c.localId);
  }

  @ResolveField(() => [StageChange], { complexity: listCost(LIST_MAX.campaignItems) })
  @Authorize('campaigns:read')
  stageHistory(
    @Ctx() ctx: RequestContext,
    @Parent() c: ResolutionCampaign,
    @Context('req') req: object,
  ): Promise<StageChange[]> {
    return loadStageHistory(req, ctx, this.campaignService, c);
  }

  @ResolveField(() => [Milestone], { complexity: listCost(LIST_MAX.campaignItems) })
  @Authorize('campaigns:read')
  milestones(
    @Ctx() ctx: RequestContext,
    @Parent() c: ResolutionCampaign,
    @Context('req') req: object,
  ): Promise<Milestone[]> {
    return loadMilestones(req, ctx, this.campaignService, c);
  }

  @ResolveField(() => [Petition], { complexity: listCost(LIST_MAX.campaignItems) })
  @Authorize('campaigns:read')
  async petitions(
    @Ctx() ctx: RequestContext,
    @Parent() c: ResolutionCampaign,
    @Context('req') req: object,
  ): Promise<Petition[]> {
    // Each linked petition as `petition(id)` would show it, all of a list's in one batch.
    const links = await loadLinkedPetitionIds(req, ctx, this.campaignService, c);
    const list = await Promise.all(
      links.map((id) => loadPetition(req, ctx, this.petitionService, c.localId, id)),
    );
    return list.flatMap((p) => (p ? [p] : []));
  }

  @ResolveField(() => CampaignProgress)
  @Authorize('campaigns:read')
  progress(
    @Ctx() ctx: RequestContext,
    @Parent() c: ResolutionCampaign,
    @Context('req') req: object,
  ): Promise<CampaignProgress> {
    return loadProgress(req, ctx, this.campaignService, c);
  }
}

@Resolver(() => StageChange)
export class StageChangeResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User)
  @Authorize('campaigns:read')
  async by(@Parent() s: StageChange, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, s.byUserId))!;
  }
}
