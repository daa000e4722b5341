import { notFound } from '@juntos/common';
import { Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { scopedLoader } from '../../graphql/loaders';
import { CampaignsService } from './campaigns.service';
import { CampaignProgress, Milestone, ResolutionCampaign, StageChange } from './models/campaign.model';

/**
 * Nested campaign fields, batched per request and read with the viewer's `campaigns:read`
 * scope in the campaign's local: a list of campaigns costs the same statements as one.
 */
function scopeOf(ctx: RequestContext, campaigns: CampaignsService, c: ResolutionCampaign): Scope {
  const scope = campaigns.readScope(ctx, c.localId);
  if (!scope) throw notFound('Campaign');
  return scope;
}

export function loadStageHistory(
  req: object,
  ctx: RequestContext,
  campaigns: CampaignsService,
  c: ResolutionCampaign,
): Promise<StageChange[]> {
  return scopedLoader(
    req,
    'campaign.history',
    scopeOf(ctx, campaigns, c),
    async (ids: readonly string[], s) => {
      const rows = await campaigns.history(s, ids);
      return ids.map((id) => rows.filter((r) => r.campaignId === id).map(StageChange.from));
    },
  ).load(c.id);
}

export function loadMilestones(
  req: object,
  ctx: RequestContext,
  campaigns: CampaignsService,
  c: ResolutionCampaign,
): Promise<Milestone[]> {
  return scopedLoader(
    req,
    'campaign.milestones',
    scopeOf(ctx, campaigns, c),
    async (ids: readonly string[], s) => {
      const rows = await campaigns.milestones(s, ids);
      return ids.map((id) => rows.filter((r) => r.campaignId === id).map(Milestone.from));
    },
  ).load(c.id);
}

/** The ids of the linked petitions, in link order; the caller reads each as `petition(id)` would. */
export function loadLinkedPetitionIds(
  req: object,
  ctx: RequestContext,
  campaigns: CampaignsService,
  c: ResolutionCampaign,
): Promise<string[]> {
  return scopedLoader(
    req,
    'campaign.petitions',
    scopeOf(ctx, campaigns, c),
    async (ids: readonly string[], s) => {
      const rows = await campaigns.linkedPetitions(s, ids);
      return ids.map((id) => rows.filter((r) => r.campaignId === id).map((r) => r.petitionId));
    },
  ).load(c.id);
}

export async function loadProgress(
  req: object,
  ctx: RequestContext,
  campaigns: CampaignsService,
  c: ResolutionCampaign,
): Promise<CampaignProgress> {
  const scope = scopeOf(ctx, campaigns, c);
  const progress = await scopedLoader(req, 'campaign.progress', scope, async (ids: readonly string[], s) => {
    const rows = await campaigns.progress(s, ids);
    return ids.map((id) => rows.find((r) => r.campaignId === id) ?? null);
  }).load(c.id);
  if (!progress) throw notFound('Campaign');
  return progress;
}
