import { loaderFor } from '../../graphql/loaders';
import { Unit, Workplace } from './models/workplace.model';
import { WorkplacesService } from './workplaces.service';

/** Nested workplace fields, batched per request. Parents are records the viewer already reads. */
export function loadUnits(req: object, workplaces: WorkplacesService, workplaceId: string): Promise<Unit[]> {
  return loaderFor(req, 'workplace.units', async (ids: readonly string[]) => {
    const units = await workplaces.unitsOf(ids);
    return ids.map((id) => units.filter((u) => u.workplaceId === id).map(Unit.from));
  }).load(workplaceId);
}

export async function loadWorkplace(
  req: object,
  workplaces: WorkplacesService,
  id: string,
): Promise<Workplace | null> {
  const w = await loaderFor(req, 'workplace.byId', async (ids: readonly string[]) => {
    const rows = await workplaces.byIds(ids);
    return ids.map((i) => rows.find((r) => r.id === i) ?? null);
  }).load(id);
  return w ? Workplace.from(w) : null;
}

export function loadMemberCount(
  req: object,
  workplaces: WorkplacesService,
  workplaceId: string,
): Promise<number> {
  return loaderFor(req, 'workplace.memberCount', async (ids: readonly string[]) => {
    const counts = await workplaces.memberCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  }).load(workplaceId);
}
