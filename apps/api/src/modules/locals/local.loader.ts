import { notFound } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { loaderFor } from '../../graphql/loaders';
import { LocalsService } from './locals.service';
import { Local } from './models/local.model';

/**
 * A nested `local` field, batched per request (the loader lives and dies with the request, so
 * with its Actor). It shows a local only as `local(id)` would: never one the viewer holds no role in.
 */
export async function loadLocal(
  req: object,
  ctx: RequestContext,
  locals: LocalsService,
  id: string,
): Promise<Local> {
  const loader = loaderFor(req, 'local.byId', async (ids: readonly string[]) => {
    const map = await locals.visibleByIds(ctx, ids);
    return ids.map((i) => map.get(i) ?? null);
  });
  const local = await loader.load(id);
  if (!local) throw notFound('Local');
  return Local.from(local);
}
