import { notFound } from '@juntos/common';
import { Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { rowByKey, rowsByKey, scopedLoader } from '../../graphql/loaders';
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

/**
 * A nested campaign field: one value per campaign, from a loader batched per request in the
 * viewer's scope of the campaign's local.
 */
const perCampaign =
  <V>(
    name: string,
    batch: (campaigns: CampaignsService) => (ids: readonly string[], s: Scope) => Promise<V[]>,
  ) =>
  (req: object, ctx: RequestContext, campaigns: CampaignsService, c: ResolutionCampaign): Promise<V> =>
    scopedLoader(req, name, scopeOf(ctx, campaigns, c), batch(campaigns)).load(c.id);

export const loadStageHistory = perCampaign('campaign.history', (campaigns) =>
  rowsByKey('campaignId', (ids, s) => campaigns.history(s, ids), StageChange.from),
);

export const loadMilestones = perCampaign('campaign.milestones', (campaigns) =>
  rowsByKey('campaignId', (ids, s) => campaigns.milestones(s, ids), Milestone.from),
);

/** The ids of the linked petitions, in link order; the caller reads each as `petition(id)` would. */
export const loadLinkedPetitionIds = perCampaign('campaign.petitions', (campaigns) =>
  rowsByKey(
    'campaignId',
    (ids, s) => campaigns.linkedPetitions(s, ids),
    (r) => r.petitionId,
  ),
);

const loadProgressRow = perCampaign('campaign.progress', (campaigns) =>
  rowByKey('campaignId', (ids, s) => campaigns.progress(s, ids)),
);

export async function loadProgress(
  req: object,
  ctx: RequestContext,
  campaigns: CampaignsService,
  c: ResolutionCampaign,
): Promise<CampaignProgress> {
  const progress = await loadProgressRow(req, ctx, campaigns, c);
  if (!progress) throw notFound('Campaign');
  return progress;
}
