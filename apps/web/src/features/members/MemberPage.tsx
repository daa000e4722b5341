import { Trans, useLingui } from '@lingui/react/macro';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Assessment } from '../../ui/assessment';
import { Screen, Loading, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { useChannelLabels } from '../one-on-ones/channels';
import { MemberActivity } from './MemberActivity';
import { canManage, useStatusLabels } from './roles';
import './members.css';

// Editing, archiving and erasing load only for organizers and admins.
const ManageMember = lazy(() => import('./manage/ManageMember'));

const MemberQuery = graphql(`
  query MemberPage($id: ID!) {
    member(id: $id) {
      id
      firstName
      lastName
      preferredName
      phone
      email
      preferredLanguage
      supportLevel
      lastContactAt
      status
      tags
      cardSignedAt
      alertOptIn
      archivedAt
      workplace {
        id
        name
      }
      unit {
        id
        name
      }
      oneOnOnes(first: 50) {
        totalCount
        nodes {
          id
          occurredAt
          channel
          supportLevel
          issues
          notes
          nextStep
          followUpAt
          followUpDoneAt
          steward {
            id
            displayName
          }
        }
      }
      signatures(first: 50) {
        totalCount
        nodes {
          id
          method
          signedAt
          petition {
            id
            title
          }
        }
      }
      attendances(first: 50) {
        totalCount
        nodes {
          id
          rsvp
          attended
          event {
            id
            title
            kind
            startsAt
            status
          }
        }
      }
      committeeSeats(first: 20) {
        totalCount
        nodes {
          id
          role
          since
          unit {
            id
            name
          }
          committee {
            id
            name
            kind
            archivedAt
          }
          contacts(first: 20) {
            totalCount
            nodes {
              id
              firstName
              lastName
              preferredName
            }
          }
        }
      }
    }
  }
`);

/**
 * A member: how to reach them, where they stand and how that changed, what they signed, answered
 * and sit on, and the conversations.
 */
export function MemberPage() {
  const { t } = useLingui();
  const f = useFormat();
  const channels = useChannelLabels();
  const statuses = useStatusLabels();
  const local = useLocal();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: MemberQuery, variables: { id } });
  const m = data?.member;
  const back = (
    <Link to="/members" className="back">
      <Trans>← My members</Trans>
    </Link>
  );
  if (!m)
    return (
      <Screen title={t`Member`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && !m && (
          <p role="alert" className="problem">
            <Trans>You don&apos;t have access to this.</Trans>
          </p>
        )}
      </Screen>
    );
  const name = [m.preferredName || m.firstName, m.lastName].join(' ');
  const conversations = m.oneOnOnes.nodes;
  // The assessment's history: each conversation that made one, oldest to newest.
  const history = conversations.filter((o) => o.supportLevel).reverse();
  return (
    <Screen title={name} back={back}>
      <section className="facts">
        <p>
          {m.workplace?.name}
          {m.unit && <> · {m.unit.name}</>}
        </p>
        <p>
          <Trans>Assessment</Trans>: <Assessment level={m.supportLevel} />
        </p>
        {m.archivedAt && (
          <p className="notice">
            <Trans>Archived on {f.date(m.archivedAt)}.</Trans>
          </p>
        )}
        <p>
          <Trans>Membership status</Trans>: {statuses[m.status]}
          {m.cardSignedAt && (
            <>
              {' '}
              · <Trans>Card signed on {f.date(m.cardSignedAt)}</Trans>
            </>
          )}
        </p>
        {m.tags.length > 0 && (
          <ul className="chips" aria-label={t`Tags`}>
            {m.tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        )}
        <p>
          {m.alertOptIn ? (
            <Trans>Agreed to receive rapid-response alerts by text.</Trans>
          ) : (
            <Trans>Has not agreed to receive rapid-response alerts by text.</Trans>
          )}
        </p>
        {m.phone && (
          <p className="contact">
            <a href={`tel:${m.phone}`} className="button">
              <Trans>Call {m.phone}</Trans>
            </a>
            <a href={`sms:${m.phone}`} className="button">
              <Trans>Text</Trans>
            </a>
          </p>
        )}
        {m.email && (
          <p>
            <a href={`mailto:${m.email}`} className="button">
              {m.email}
            </a>
          </p>
        )}
      </section>
      <Link to={`/members/${m.id}/log`} className="button primary">
        <Trans>Log a one-on-one</Trans>
      </Link>
      {canManage(local.roles) && (
        <Suspense fallback={<Loading />}>
          <ManageMember member={m} name={name} admin={local.roles.includes('LOCAL_ADMIN')} />
        </Suspense>
      )}
      {history.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history">
            <Trans>Assessment history</Trans>
          </h2>
          <ol className="history">
            {history.map((o) => (
              <li key={o.id}>
                {f.date(o.occurredAt)}: <Assessment level={o.supportLevel} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <MemberActivity member={m} />
      <section aria-labelledby="conversations">
        <h2 id="conversations">
          <Trans>Conversations</Trans>
        </h2>
        {conversations.length === 0 && (
          <p className="muted">
            <Trans>No conversations yet.</Trans>
          </p>
        )}
        <ul className="cards">
          {conversations.map((o) => (
            <li key={o.id}>
              <article className="card">
                <p>
                  <strong>{f.dateTime(o.occurredAt)}</strong> · {channels[o.channel]} ·{' '}
                  {o.steward.displayName}
                </p>
                {o.supportLevel && (
                  <p>
                    <Assessment level={o.supportLevel} />
                  </p>
                )}
                {o.issues.length > 0 && (
                  <p>
                    <Trans>Issues</Trans>: {o.issues.join(', ')}
                  </p>
                )}
                {o.notes && <p className="notes">{o.notes}</p>}
                {o.nextStep && (
                  <p>
                    <Trans>Next step</Trans>: {o.nextStep}
                  </p>
                )}
                {o.followUpAt && (
                  <p className="muted">
                    <Trans>Follow-up</Trans>: {f.date(o.followUpAt)}
                    {o.followUpDoneAt && (
                      <>
                        {' '}
                        (<Trans>done</Trans>)
                      </>
                    )}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
