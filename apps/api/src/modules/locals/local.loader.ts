import { loaderFor } from '../../graphql/loaders';
import { LocalsService } from './locals.service';
import { Local } from './models/local.model';

/** A nested `local` field, batched per request. The parent is a record the viewer already reads. */
export async function loadLocal(req: object, locals: LocalsService, id: string): Promise<Local> {
  const loader = loaderFor(req, 'local.byId', async (ids: readonly string[]) => {
    const map = await locals.byIds(ids);
    return ids.map((i) => map.get(i)!);
  });
  return Local.from(await loader.load(id));
}
