import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocal, Screen, Loading } from '../../ui/chrome';
import { daysAgo, useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { MemberCard } from '../members/MemberCard';

const TodayQuery = graphql(`
  query Today($localId: ID!, $since: DateTime!) {
    myFollowUps(localId: $localId, first: 50) {
      id
      followUpAt
      nextStep
      member {
        ...MemberCardFields
      }
    }
    members(localId: $localId, first: 20, filter: { notContactedSince: $since }) {
      totalCount
      nodes {
        ...MemberCardFields
      }
    }
  }
`);

const CompleteFollowUp = graphql(`
  mutation CompleteFollowUp($id: ID!) {
    completeFollowUp(id: $id) {
      id
      followUpDoneAt
    }
  }
`);

/** The steward's day: open follow-ups (overdue first), then members not contacted in 30 days. */
export function Today() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  // Fixed for this visit of the screen, so the query's variables do not change on each render.
  const since = useMemo(() => daysAgo(30).toISOString(), []);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: TodayQuery,
    variables: { localId: local.id, since },
    requestPolicy: 'cache-and-network',
  });
  const [done, complete] = useMutation(CompleteFollowUp);
  const [completing, setCompleting] = useState<string | null>(null);
  const now = Date.now();

  async function finish(id: string) {
    setCompleting(id);
    const r = await complete({ id });
    setCompleting(null);
    if (!r.error) refetch({ requestPolicy: 'network-only' });
  }

  const followUps = data?.myFollowUps ?? [];
  return (
    <Screen title={t`Today`}>
      <Link to="/report" className="button primary report-raid">{t`Report a raid`}</Link>
      <ProblemText problem={problemOf(error) ?? problemOf(done.error)} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <section aria-labelledby="follow-ups">
            <h2 id="follow-ups">
              <Trans>My follow-ups</Trans>
            </h2>
            {followUps.length === 0 && (
              <p className="muted">
                <Trans>No open follow-ups.</Trans>
              </p>
            )}
            <ul className="cards">
              {followUps.map((o) => {
                const overdue = !!o.followUpAt && new Date(o.followUpAt).getTime() < now;
                const name = o.member.preferredName || o.member.firstName;
                return (
                  <li key={o.id}>
                    <MemberCard member={o.member}>
                      <p className={overdue ? 'due overdue' : 'due'}>
                        {overdue && (
                          <strong>
                            <Trans>Overdue</Trans>:{' '}
                          </strong>
                        )}
                        {o.followUpAt && f.date(o.followUpAt)}
                        {o.nextStep && <> · {o.nextStep}</>}
                      </p>
                      <button
                        type="button"
                        disabled={completing === o.id}
                        onClick={() => void finish(o.id)}
                        aria-label={t`Done: follow-up with ${name}`}
                      >
                        <Trans>Done</Trans>
                      </button>
                    </MemberCard>
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-labelledby="not-contacted">
            <h2 id="not-contacted">
              <Trans>Not contacted in 30 days</Trans>
            </h2>
            {data.members.totalCount === 0 ? (
              <p className="muted">
                <Trans>Everyone has had a conversation in the last 30 days.</Trans>
              </p>
            ) : (
              <ul className="cards">
                {data.members.nodes.map((m) => (
                  <li key={m.id}>
                    <MemberCard member={m} />
                  </li>
                ))}
              </ul>
            )}
            {data.members.totalCount > data.members.nodes.length && (
              <Link to="/members" className="more">
                <Trans>See all members</Trans>
              </Link>
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
