import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { useKindWords } from './labels';
import { managesWorkplaces } from './manage';
import { PageCount, PageEnd, useCursors } from './shared';

const WorkplacesPage = graphql(`
  query WorkplacesPage($localId: ID!, $after: String, $includeArchived: Boolean) {
    workplaces(localId: $localId, first: 50, after: $after, includeArchived: $includeArchived) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        kind
        employer
        headcount
        memberCount
        archivedAt
      }
    }
  }
`);

/** The local's workplaces (a steward's own only), each opening its wall chart. */
export function WorkplacesList() {
  const { t } = useLingui();
  const local = useLocal();
  const manages = managesWorkplaces(local.roles);
  const [archived, setArchived] = useState(false);
  // Showing archived ones starts over.
  const { cursors, more } = useCursors(archived);
  return (
    <Screen title={t`Workplaces`}>
      {manages && (
        <p>
          <Link to="/workplaces/new" className="button primary">
            <Trans>New workplace</Trans>
          </Link>
        </p>
      )}
      {manages && (
        <label className="wp-check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          <Trans>Show archived workplaces</Trans>
        </label>
      )}
      <ul className="cards wp-list" aria-live="polite">
        {cursors.map((after, i) => (
          <WorkplacesListPage
            key={`${archived}:${i}:${after ?? ''}`}
            localId={local.id}
            includeArchived={archived}
            after={after}
            last={i === cursors.length - 1}
            more={more(i)}
          />
        ))}
      </ul>
    </Screen>
  );
}

function WorkplacesListPage({
  localId,
  includeArchived,
  after,
  last,
  more,
}: {
  localId: string;
  includeArchived: boolean;
  after: string | null;
  last: boolean;
  more: (cursor: string) => void;
}) {
  const words = useKindWords();
  const f = useFormat();
  const [{ data, error, fetching }] = useQuery({
    query: WorkplacesPage,
    variables: { localId, after, includeArchived },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.workplaces;
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  return (
    <>
      {after === null && page && (
        <PageCount
          total={page.totalCount}
          none={<Trans>No workplaces yet.</Trans>}
          some={<Plural value={page.totalCount} one="# workplace" other="# workplaces" />}
        />
      )}
      {page?.nodes.map((w) => {
        const members = f.number(w.memberCount);
        const headcount = w.headcount === null || w.headcount === undefined ? null : f.number(w.headcount);
        return (
          <li key={w.id}>
            <article className="card">
              <Link to={`/workplaces/${w.id}`} className="card-link">
                <strong>{w.name}</strong>
                <span>
                  {words.kind[w.kind]}
                  {w.employer && (
                    <>
                      {' · '}
                      {words.employer[w.kind]}: {w.employer}
                    </>
                  )}
                </span>
                <span className="muted">
                  {headcount !== null ? (
                    <Plural
                      value={w.headcount!}
                      one={`${members} of # member`}
                      other={`${members} of # members`}
                    />
                  ) : (
                    <Plural
                      value={w.memberCount}
                      one="# member, no headcount"
                      other="# members, no headcount"
                    />
                  )}
                </span>
                {w.archivedAt && (
                  <span className="wp-badge">
                    <Trans>Archived</Trans>
                  </span>
                )}
              </Link>
            </article>
          </li>
        );
      })}
      <PageEnd error={error} loading={fetching && !data} next={last ? next : null} more={more} />
    </>
  );
}
