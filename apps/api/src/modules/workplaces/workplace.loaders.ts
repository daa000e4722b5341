import { RequestContext } from '@juntos/auth';
import { scopedLoader } from '../../graphql/loaders';
import { Unit, Workplace } from './models/workplace.model';
import { WorkplacesService } from './workplaces.service';

/**
 * Nested workplace fields, batched per request and read with the viewer's `workplaces:read`
 * scope in the local: a workplace `workplace(id)` refuses is null here, its units and counts
 * empty, whatever the parent that points at it.
 */
export async function loadWorkplace(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  id: string,
): Promise<Workplace | null> {
  const scope = workplaces.readScope(ctx, localId);
  if (!scope) return null;
  const w = await scopedLoader(req, 'workplace.byId', scope, async (ids: readonly string[], s) => {
    const rows = await workplaces.inScope(s, ids);
    return ids.map((i) => rows.find((r) => r.id === i) ?? null);
  }).load(id);
  return w ? Workplace.from(w) : null;
}

export async function loadUnits(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  workplaceId: string,
): Promise<Unit[]> {
  const scope = workplaces.readScope(ctx, localId);
  if (!scope) return [];
  return scopedLoader(req, 'workplace.units', scope, async (ids: readonly string[], s) => {
    const units = await workplaces.unitsOf(s, ids);
    return ids.map((id) => units.filter((u) => u.workplaceId === id).map(Unit.from));
  }).load(workplaceId);
}

export async function loadMemberCount(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  workplaceId: string,
): Promise<number> {
  const scope = workplaces.readScope(ctx, localId);
  if (!scope) return 0;
  return scopedLoader(req, 'workplace.memberCount', scope, async (ids: readonly string[], s) => {
    const counts = await workplaces.memberCounts(s, ids);
    return ids.map((id) => counts.get(id) ?? 0);
  }).load(workplaceId);
}
