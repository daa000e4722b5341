import { RequestContext } from '@juntos/auth';
import DataLoader from 'dataloader';
import { countByKey, loadAll, rowByKey, rowsByKey, scopedLoader } from '../../graphql/loaders';
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
  return (await loadWorkplaces(req, ctx, workplaces, localId, [id]))[0];
}

/**
 * The workplaces of a list of rows of one local (null where a row has none or the viewer's scope
 * does not reach it), through the same per-request loader as `loadWorkplace`, the scope made once.
 */
export async function loadWorkplaces(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  ids: readonly (string | null)[],
): Promise<(Workplace | null)[]> {
  const scope = workplaces.readScope(ctx, localId);
  if (!scope) return ids.map(() => null);
  const batch = rowByKey('id', (keys, s) => workplaces.inScope(s, keys));
  const found = await loadPresent(scopedLoader(req, 'workplace.byId', scope, batch), ids);
  const models = new Map<string, Workplace>();
  return ids.map((id) => {
    const w = id ? found.get(id) : null;
    if (!id || !w) return null;
    if (!models.has(id)) models.set(id, Workplace.from(w));
    return models.get(id)!;
  });
}

export async function loadUnits(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  workplaceId: string,
): Promise<Unit[]> {
  return (await loadUnitsOf(req, ctx, workplaces, localId, [workplaceId])).get(workplaceId) ?? [];
}

/** The units of several workplaces of one local, by workplace id, through `loadUnits`'s loader. */
export async function loadUnitsOf(
  req: object,
  ctx: RequestContext,
  workplaces: WorkplacesService,
  localId: string,
  workplaceIds: readonly (string | null)[],
): Promise<Map<string, Unit[]>> {
  const scope = workplaces.readScope(ctx, localId);
  if (!scope) return new Map();
  const batch = rowsByKey('workplaceId', (keys, s) => workplaces.unitsOf(s, keys), Unit.from);
  return loadPresent(scopedLoader(req, 'workplace.units', scope, batch), workplaceIds);
}

/** The values of the non-null keys, by key (DataLoader reads each distinct key once). */
async function loadPresent<V>(
  loader: DataLoader<string, V>,
  keys: readonly (string | null)[],
): Promise<Map<string, V>> {
  const present = keys.filter((k): k is string => !!k);
  const values = await loadAll(loader, present);
  return new Map(present.map((k, i) => [k, values[i]]));
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
