import { Trans, useLingui } from '@lingui/react/macro';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Screen, useLocal, Loading } from '../../ui/chrome';
import { problemOf, ProblemText } from '../../ui/problems';
import { managesPetitions } from './manage/status';
import { Progress } from './Progress';

// The organizer's list loads when first opened: a steward's phone never downloads it.
const AllPetitions = lazy(() => import('./manage/AllPetitions'));

const Open = graphql(`
  query OpenPetitions($localId: ID!) {
    petitions(localId: $localId, status: OPEN, first: 50) {
      nodes {
        id
        title
        target
        goal
        signatureCount
        workplace {
          id
          name
        }
      }
    }
  }
`);

/** The local's open petitions: where a steward collects signatures. Organizers see every status. */
export function OpenPetitions() {
  const local = useLocal();
  return managesPetitions(local.roles) ? (
    <Suspense fallback={<Loading />}>
      <AllPetitions />
    </Suspense>
  ) : (
    <StewardPetitions />
  );
}

function StewardPetitions() {
  const { t } = useLingui();
  const local = useLocal();
  const [{ data, error, fetching }] = useQuery({
    query: Open,
    variables: { localId: local.id },
    requestPolicy: 'cache-and-network',
  });
  const open = data?.petitions.nodes ?? [];
  return (
    <Screen title={t`Petitions`}>
      <ProblemText problem={problemOf(error)} />
      {fetching && !data && <Loading />}
      {data && open.length === 0 && (
        <p className="muted">
          <Trans>No petition is collecting signatures right now.</Trans>
        </p>
      )}
      <ul className="cards">
        {open.map((p) => (
          <li key={p.id}>
            <article className="card">
              <Link to={`/petitions/${p.id}`} className="card-link">
                <strong>{p.title}</strong>
                <span>
                  <Trans>To: {p.target}</Trans>
                  {p.workplace && <> · {p.workplace.name}</>}
                </span>
                <Progress count={p.signatureCount} goal={p.goal} />
              </Link>
            </article>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
