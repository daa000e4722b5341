import { notFound, Page } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { loaderFor, rowByKey, scopedLoader } from '../../graphql/loaders';
import { AttendanceEntity } from './event.entity';
import { EventCounts } from './events.repository';
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
  const batch = rowByKey('eventId', (ids, s) => events.counts(s, ids));
  return (await scopedLoader(req, 'event.counts', scope, batch).load(eventId)) ?? none;
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
