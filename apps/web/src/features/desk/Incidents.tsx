import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { IncidentStatus } from '../../gql/graphql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { expired, useDeskLabels } from './labels';

const PAGE = 20;
/** The API's largest page; older incidents are long expired anyway. */
const MAX = 100;

const IncidentsQuery = graphql(`
  query DeskIncidents($localId: ID!, $status: IncidentStatus, $first: Int!) {
    incidents(localId: $localId, status: $status, first: $first) {
      totalCount
      nodes {
        id
        kind
        status
        location
        reportedAt
        expiresAt
        workplace {
          id
          name
        }
      }
    }
  }
`);

/** A first report lands in an empty list: the cache must know the list holds incidents. */
const HOLDS = { additionalTypenames: ['Incident'] };

const STATUSES: IncidentStatus[] = ['REPORTED', 'CONFIRMED', 'UNCONFIRMED', 'FALSE_ALARM', 'CLOSED'];

/** Incidents, newest first, each with its status in words; a tap opens one. */
export function Incidents() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const labels = useDeskLabels();
  const [status, setStatus] = useState<IncidentStatus | null>(null);
  const [first, setFirst] = useState(PAGE);
  const [{ data, error, fetching }] = useQuery({
    query: IncidentsQuery,
    variables: { localId: local.id, status, first },
    requestPolicy: 'cache-and-network',
    context: HOLDS,
  });
  const incidents = data?.incidents.nodes ?? [];
  return (
    <Screen title={t`Rapid response`}>
      <div className="desk-actions">
        <Link to="/report" className="button primary">
          <Trans>Report a raid</Trans>
        </Link>
        <Link to="/desk/responders" className="button">
          <Trans>Responders</Trans>
        </Link>
      </div>
      <h2 id="incidents">
        <Trans>Incidents</Trans>
      </h2>
      <div className="chips" role="group" aria-label={t`Show`}>
        <button type="button" className="chip" aria-pressed={status === null} onClick={() => setStatus(null)}>
          <Trans>All</Trans>
        </button>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="chip"
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {labels.status[s]}
          </button>
        ))}
      </div>
      <ProblemText problem={problemOf(error)} />
      {fetching && !data && <Loading />}
      {data && incidents.length === 0 && (
        <p className="muted">
          <Trans>No incidents.</Trans>
        </p>
      )}
      <ul className="cards incidents" aria-labelledby="incidents">
        {incidents.map((i) => {
          const gone = expired(i);
          return (
            <li key={i.id}>
              <article className={`card incident status-${i.status.toLowerCase()}`}>
                <Link to={`/desk/incidents/${i.id}`} className="card-link">
                  <strong>{labels.kind[i.kind]}</strong>
                  <span className="status">{labels.status[i.status]}</span>
                  {(i.workplace || i.location) && (
                    <span>{[i.workplace?.name, i.location].filter(Boolean).join(' · ')}</span>
                  )}
                  <span className="muted">{f.dateTime(i.reportedAt)}</span>
                  {gone && (
                    <span className="expired">
                      <Trans>Expired: details erased</Trans>
                    </span>
                  )}
                </Link>
              </article>
            </li>
          );
        })}
      </ul>
      {data && data.incidents.totalCount > incidents.length && first < MAX && (
        <button type="button" onClick={() => setFirst((n) => Math.min(n + PAGE, MAX))} disabled={fetching}>
          <Trans>Show more</Trans>
        </button>
      )}
    </Screen>
  );
}
