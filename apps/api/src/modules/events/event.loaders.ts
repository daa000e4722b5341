import { notFound, Page } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import type { GraphQLResolveInfo } from 'graphql';
import { Scope } from '@juntos/access';
import { loadAll, loaderFor, rowByKey, scopedLoader } from '../../graphql/loaders';
import { prefetched } from '../../graphql/prefetch';
import { selectsPath } from '../../graphql/selection';
import { AttendanceEntity } from './event.entity';
import { EventCounts } from './events.repository';
import { isFull } from './event-rules';
import { EventsService } from './events.service';
import { Event } from './models/event.model';

/** An attendance's event, batched per request: NOT_FOUND where `event(id)` would be null. */
export async function requireEvent(
  req: object,
  ctx: RequestContext,
  events: EventsService,
  localId: string,
  id: string,
): Promise<Event> {
  const scope = events.readScope(ctx, localId);
  if (!scope) throw notFound('Event');
  const batch = rowByKey('id', (ids, s) => events.inScope(s, ids));
  const e = await scopedLoader(req, 'event.byId', scope, batch).load(id);
  if (!e) throw notFound('Event');
  return Event.from(e);
}

/** An event's rsvp and attended counts: a whole list of events batches into one aggregate. */
export async function loadEventCounts(
  req: object,
  ctx: RequestContext,
  events: EventsService,
  localId: string,
  eventId: string,
): Promise<EventCounts> {
  const none = { eventId, rsvpCount: 0, attendedCount: 0 };
  const scope = events.readScope(ctx, localId);
  if (!scope) return none;
  return (await countsLoader(req, events, scope).load(eventId)) ?? none;
}

const countsLoader = (req: object, events: EventsService, scope: Scope) =>
  scopedLoader(
    req,
    'event.counts',
    scope,
    rowByKey('eventId', (ids, s) => events.counts(s, ids)),
  );

const COUNT_FIELDS = ['rsvpCount', 'attendedCount', 'full'] as const;

/**
 * Gives a list of one local's events their `rsvpCount`, `attendedCount` and `full` ahead of
 * their fields (graphql/prefetch.ts) when the request selects one of them under `path`, through
 * the fields' own loader: one read for the list. Only where the viewer holds `events:read` in
 * the local, as those fields' guards require; elsewhere the fields run, and refuse, as before.
 */
export async function prefetchEventCounts(
  req: object,
  ctx: RequestContext,
  events: EventsService,
  localId: string,
  rows: readonly Event[],
  info: GraphQLResolveInfo,
  path: readonly string[],
): Promise<void> {
  const scope = events.readScope(ctx, localId);
  if (!scope || !rows.length || !COUNT_FIELDS.some((f) => selectsPath(info, [...path, f]))) return;
  const counts = await loadAll(
    countsLoader(req, events, scope),
    rows.map((e) => e.id),
  );
  rows.forEach((e, i) => {
    const c = counts[i];
    const rsvpCount = c?.rsvpCount ?? 0;
    prefetched(e, 'rsvpCount', rsvpCount);
    prefetched(e, 'attendedCount', c?.attendedCount ?? 0);
    prefetched(e, 'full', isFull(e.capacity, rsvpCount));
  });
}

/** The first page of an event's attendances; the service checks `attendance:read`. */
export function loadFirstAttendances(
  req: object,
  ctx: RequestContext,
  events: EventsService,
  e: Event,
  first?: number | null,
): Promise<Page<AttendanceEntity>> {
  return loaderFor(req, `event.attendances:${e.localId}:${first ?? ''}`, (ids: readonly string[]) =>
    events.firstAttendancePages(ctx, e.localId, ids, first),
  ).load(e.id);
}
