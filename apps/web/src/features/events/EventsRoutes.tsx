import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventsListQuery } from '../../gql/graphql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { NotFound } from '../home/NotFound';
import { EditEvent, NewEvent } from './EventForm';
import { EventPage } from './EventPage';
import { organizes, useEventKindLabels } from './labels';
import { TakeAttendance } from './TakeAttendance';
import './events.css';

/** Events: the list, scheduling, an event's answers and attendance, and taking attendance at the door. */
export default function EventsRoutes() {
  return (
    <Routes>
      <Route index element={<EventsList />} />
      <Route path="new" element={<NewEvent />} />
      <Route path=":id" element={<EventPage />} />
      <Route path=":id/edit" element={<EditEvent />} />
      <Route path=":id/door" element={<TakeAttendance />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

const EventsQuery = graphql(`
  query EventsList($localId: ID!, $from: DateTime, $to: DateTime) {
    events(localId: $localId, first: 50, filter: { from: $from, to: $to, includeCancelled: true }) {
      totalCount
      nodes {
        id
        title
        kind
        startsAt
        location
        status
        capacity
        full
        rsvpCount
        attendedCount
        workplace {
          id
          name
        }
      }
    }
  }
`);

const HOUR = 3_600_000;

type ListedEvent = EventsListQuery['events']['nodes'][number];

function EventsList() {
  const { t } = useLingui();
  const local = useLocal();
  // An event that began in the last 12 hours still counts as upcoming: its door is open.
  const [span] = useState(() => {
    const now = Date.now();
    return {
      cut: new Date(now - 12 * HOUR).toISOString(),
      since: new Date(now - 90 * 24 * HOUR).toISOString(),
    };
  });
  const [upcoming] = useQuery({ query: EventsQuery, variables: { localId: local.id, from: span.cut } });
  const [past] = useQuery({
    query: EventsQuery,
    variables: { localId: local.id, from: span.since, to: span.cut },
  });
  const soon = upcoming.data?.events.nodes ?? [];
  // The API lists soonest first; the past reads newest first.
  const before = [...(past.data?.events.nodes ?? [])].reverse();
  return (
    <Screen title={t`Events`}>
      {organizes(local.roles) && (
        <Link to="/events/new" className="button primary">
          <Trans>Schedule an event</Trans>
        </Link>
      )}
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">
          <Trans>Upcoming</Trans>
        </h2>
        {upcoming.fetching && !upcoming.data && <Loading />}
        <ProblemText problem={problemOf(upcoming.error)} />
        {upcoming.data && soon.length === 0 && (
          <p className="muted">
            <Trans>No events scheduled.</Trans>
          </p>
        )}
        <EventCards events={soon} />
      </section>
      {before.length > 0 && (
        <section aria-labelledby="past">
          <h2 id="past">
            <Trans>Past 90 days</Trans>
          </h2>
          <EventCards events={before} />
        </section>
      )}
    </Screen>
  );
}

function EventCards({ events }: { events: ListedEvent[] }) {
  const f = useFormat();
  const kinds = useEventKindLabels();
  return (
    <ul className="cards events">
      {events.map((e) => {
        const rsvps = f.number(e.rsvpCount);
        const came = f.number(e.attendedCount);
        const capacity = e.capacity ? f.number(e.capacity) : null;
        return (
          <li key={e.id}>
            <article className="card">
              <Link to={`/events/${e.id}`} className="card-link">
                <strong>{e.title}</strong>
                <span>
                  {kinds[e.kind]} · {f.dateTime(e.startsAt)}
                </span>
                <span className="muted">
                  {e.workplace?.name ?? <Trans>Whole local</Trans>}
                  {e.location && <> · {e.location}</>}
                </span>
                <span className="counts">
                  {capacity ? (
                    <Trans>
                      {rsvps} of {capacity} confirmed
                    </Trans>
                  ) : (
                    <Trans>{rsvps} confirmed</Trans>
                  )}{' '}
                  · <Trans>{came} attended</Trans>
                  {e.full && (
                    <>
                      {' '}
                      · <Trans>Full</Trans>
                    </>
                  )}
                </span>
                {e.status === 'CANCELLED' && (
                  <span className="tag cancelled">
                    <Trans>Cancelled</Trans>
                  </span>
                )}
              </Link>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
