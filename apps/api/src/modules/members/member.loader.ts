import { notFound } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { rowByKey, scopedLoader } from '../../graphql/loaders';
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
  const batch = rowByKey('id', (ids, s) => members.inScope(s, ids));
  const m = await scopedLoader(req, 'member.byId', scope, batch).load(id);
  if (!m) throw notFound('Member');
  return Member.from(m);
}
