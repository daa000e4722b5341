import { notFound } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { countByKey, rowByKey, scopedLoader } from '../../graphql/loaders';
import { CommitteeReach } from './committees.repository';
import { CommitteesService } from './committees.service';
import { Committee } from './models/committee.model';

/** A seat's committee, batched per request: NOT_FOUND where `committee(id)` would be null. */
export async function requireCommittee(
  req: object,
  ctx: RequestContext,
  committees: CommitteesService,
  localId: string,
  id: string,
): Promise<Committee> {
  const scope = committees.readScope(ctx, localId);
  if (!scope) throw notFound('Committee');
  const batch = rowByKey('id', (ids, s) => committees.inScope(s, ids));
  const c = await scopedLoader(req, 'committee.byId', scope, batch).load(id);
  if (!c) throw notFound('Committee');
  return Committee.from(c);
}

/** A committee's reach: a whole list of committees batches into one statement. */
export async function loadReach(
  req: object,
  ctx: RequestContext,
  committees: CommitteesService,
  localId: string,
  committeeId: string,
): Promise<CommitteeReach> {
  const none = { committeeId, members: 0, covered: 0, seats: 0 };
  const scope = committees.readScope(ctx, localId);
  if (!scope) return none;
  const batch = rowByKey('committeeId', (ids, s) => committees.reach(s, ids));
  return (await scopedLoader(req, 'committee.reach', scope, batch).load(committeeId)) ?? none;
}

/** A seat's contact count: a whole list of seats batches into one aggregate. */
export async function loadContactCount(
  req: object,
  ctx: RequestContext,
  committees: CommitteesService,
  localId: string,
  membershipId: string,
): Promise<number> {
  const scope = committees.membersScope(ctx, localId);
  if (!scope) return 0;
  const batch = countByKey((ids, s) => committees.contactCounts(s, ids));
  return scopedLoader(req, 'committee.contactCounts', scope, batch).load(membershipId);
}
