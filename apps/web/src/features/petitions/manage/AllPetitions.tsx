import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { PetitionStatus } from '../../../gql/graphql';
import { Screen, useLocal } from '../../../ui/chrome';
import { useFormat } from '../../../ui/format';
import { PageCount, PageEnd, useCursors } from '../../workplaces/shared';
import { Progress } from '../Progress';
import '../petitions.css';
import { STATUSES, useStatusWords } from './status';

const PetitionsPage = graphql(`
  query PetitionsAll($localId: ID!, $status: PetitionStatus, $after: String) {
    petitions(localId: $localId, status: $status, first: 25, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        target
        status
        goal
        signatureCount
        deadline
        workplace {
          id
          name
        }
      }
    }
  }
`);

/** Every petition of the local, newest first, filtered by status; a new one for organizers. */
export default function AllPetitions() {
  const { t } = useLingui();
  const local = useLocal();
  const words = useStatusWords();
  const [status, setStatus] = useState<PetitionStatus | ''>('');
  const { cursors, more } = useCursors(status);
  return (
    <Screen title={t`Petitions`}>
      <p>
        <Link to="/petitions/new" className="button primary">
          <Trans>New petition</Trans>
        </Link>
      </p>
      <label htmlFor="pt-status">
        <Trans>Status</Trans>
      </label>
      <select
        id="pt-status"
        value={status}
        onChange={(e) => setStatus(e.target.value as PetitionStatus | '')}
      >
        <option value="">{t`All`}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {words.status[s]}
          </option>
        ))}
      </select>
      <ul className="cards" aria-live="polite">
        {cursors.map((after, i) => (
          <PetitionsPageOf
            key={`${status}:${i}:${after ?? ''}`}
            localId={local.id}
            status={status || null}
            after={after}
            last={i === cursors.length - 1}
            more={more(i)}
          />
        ))}
      </ul>
    </Screen>
  );
}

function PetitionsPageOf({
  localId,
  status,
  after,
  last,
  more,
}: {
  localId: string;
  status: PetitionStatus | null;
  after: string | null;
  last: boolean;
  more: (cursor: string) => void;
}) {
  const { t } = useLingui();
  const words = useStatusWords();
  const f = useFormat();
  const [{ data, error, fetching }] = useQuery({
    query: PetitionsPage,
    variables: { localId, status, after },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.petitions;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  return (
    <>
      {after === null && page && (
        <PageCount
          total={page.totalCount}
          none={<Trans>No petitions here.</Trans>}
          some={<Plural value={page.totalCount} one="# petition" other="# petitions" />}
        />
      )}
      {page?.nodes.map((p) => {
        const deadline = p.deadline ? f.date(p.deadline) : null;
        return (
          <li key={p.id}>
            <article className="card">
              <Link to={`/petitions/${p.id}`} className="card-link">
                <strong>{p.title}</strong>
                <span className={`pt-status pt-${p.status.toLowerCase()}`}>{words.status[p.status]}</span>
                <span>
                  <Trans>To: {p.target}</Trans> · {p.workplace ? p.workplace.name : t`Whole local`}
                </span>
                {deadline && (
                  <span className="muted">
                    <Trans>Deadline: {deadline}</Trans>
                  </span>
                )}
                <Progress count={p.signatureCount} goal={p.goal} />
              </Link>
            </article>
          </li>
        );
      })}
      <PageEnd error={error} loading={fetching && !data} next={last ? next : null} more={more} />
    </>
  );
}
