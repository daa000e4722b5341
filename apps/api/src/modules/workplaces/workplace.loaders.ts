import { RequestContext } from '@juntos/auth';
import { countByKey, rowByKey, rowsByKey, scopedLoader } from '../../graphql/loaders';
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
  const batch = rowByKey('id', (ids, s) => workplaces.inScope(s, ids));
  const w = await scopedLoader(req, 'workplace.byId', scope, batch).load(id);
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
  const batch = rowsByKey('workplaceId', (ids, s) => workplaces.unitsOf(s, ids), Unit.from);
  return scopedLoader(req, 'workplace.units', scope, batch).load(workplaceId);
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
  const batch = countByKey((ids, s) => workplaces.memberCounts(s, ids));
  return scopedLoader(req, 'workplace.memberCount', scope, batch).load(workplaceId);
}
