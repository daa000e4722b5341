import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Route, Routes } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { organizes } from '../events/labels';
import { NotFound } from '../home/NotFound';
import { CommitteePage } from './CommitteePage';
import { useCommitteeKindLabels } from './labels';
import { NewCommittee } from './NewCommittee';
import { Reach } from './Reach';
import './committees.css';

/** Committees: the list, building one, and a committee's seats, contacts and reach. */
export default function CommitteesRoutes() {
  return (
    <Routes>
      <Route index element={<CommitteesList />} />
      <Route path="new" element={<NewCommittee />} />
      <Route path=":id" element={<CommitteePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

const CommitteesQuery = graphql(`
  query CommitteesList($localId: ID!) {
    committees(localId: $localId, first: 100) {
      totalCount
      nodes {
        id
        name
        kind
        archivedAt
        membershipCount
        coverage
        ratio
        workplace {
          id
          name
          memberCount
        }
      }
    }
  }
`);

function CommitteesList() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const kinds = useCommitteeKindLabels();
  const [{ data, error, fetching }] = useQuery({ query: CommitteesQuery, variables: { localId: local.id } });
  const all = data?.committees.nodes ?? [];
  // Oldest first from the API; the archived ones, kept as history, go last.
  const list = [...all.filter((c) => !c.archivedAt), ...all.filter((c) => c.archivedAt)];
  return (
    <Screen title={t`Committees`}>
      {organizes(local.roles) && (
        <Link to="/committees/new" className="button primary">
          <Trans>Build a committee</Trans>
        </Link>
      )}
      {fetching && !data && <Loading />}
      <ProblemText problem={problemOf(error)} />
      {data && list.length === 0 && (
        <p className="muted">
          <Trans>No committees yet.</Trans>
        </p>
      )}
      <ul className="cards committees">
        {list.map((c) => {
          const seats = f.number(c.membershipCount);
          return (
            <li key={c.id}>
              <article className="card">
                <Link to={`/committees/${c.id}`} className="card-link">
                  <strong>{c.name}</strong>
                  <span>
                    {kinds[c.kind]} · {c.workplace?.name ?? <Trans>Whole local</Trans>}
                  </span>
                  <span>
                    <Trans>Seats: {seats}</Trans>
                  </span>
                  {c.archivedAt && (
                    <span className="tag archived">
                      <Trans>Archived</Trans>
                    </span>
                  )}
                </Link>
                <Reach coverage={c.coverage} ratio={c.ratio} members={c.workplace?.memberCount} />
              </article>
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
