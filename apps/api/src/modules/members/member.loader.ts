import { notFound } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { scopedLoader } from '../../graphql/loaders';
import { MembersService } from './members.service';
import { Member } from './models/member.model';

/**
 * A nested `member` field (of a conversation, a signature), batched per request and read with
 * the viewer's `members:read` scope: a member `member(id)` refuses is NOT_FOUND here, on that
 * field alone, never their data.
 */
export async function loadMember(
  req: object,
  ctx: RequestContext,
  members: MembersService,
  localId: string,
  id: string,
): Promise<Member> {
  const scope = members.readScope(ctx, localId);
  if (!scope) throw notFound('Member');
  const m = await scopedLoader(req, 'member.byId', scope, async (ids: readonly string[], s) => {
    const rows = await members.inScope(s, ids);
    return ids.map((i) => rows.find((r) => r.id === i) ?? null);
  }).load(id);
  if (!m) throw notFound('Member');
  return Member.from(m);
}
