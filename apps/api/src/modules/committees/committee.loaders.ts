import { notFound, Page } from '@juntos/common';
import { MemberEntity } from '@juntos/db';
import { RequestContext } from '@juntos/auth';
import { countByKey, loaderFor, rowByKey, scopedLoader } from '../../graphql/loaders';
import { CommitteeMembershipEntity } from './committee.entity';
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

/** The first page of a committee's seats; the service checks `committees:members`. */
export function loadFirstMemberships(
  req: object,
  ctx: RequestContext,
  committees: CommitteesService,
  c: { id: string; localId: string },
  first?: number | null,
): Promise<Page<CommitteeMembershipEntity>> {
  return loaderFor(req, `committee.memberships:${c.localId}:${first ?? ''}`, (ids: readonly string[]) =>
    committees.firstMembershipPages(ctx, c.localId, ids, first),
  ).load(c.id);
}

/** The first page of a seat's contacts; the service checks `committees:members`. */
export function loadFirstContacts(
  req: object,
  ctx: RequestContext,
  committees: CommitteesService,
  s: { id: string; localId: string },
  first?: number | null,
): Promise<Page<MemberEntity>> {
  return loaderFor(req, `committee.contacts:${s.localId}:${first ?? ''}`, (ids: readonly string[]) =>
    committees.firstContactPages(ctx, s.localId, ids, first),
  ).load(s.id);
}
