import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import './admin.css';

const PAGE = 25;

const AuditQuery = graphql(`
  query AuditLogPage($localId: ID!, $first: Int!, $after: String, $action: String) {
    auditEvents(localId: $localId, first: $first, after: $after, action: $action) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        at
        targetType
        detail {
          name
          count
        }
        actor {
          id
          displayName
        }
      }
    }
  }
`);

/**
 * The kinds of record the log can be narrowed to: the start of their action codes, which the API
 * filters on (`auditEvents(action: "role.")`), so every page holds only matching events.
 */
const KINDS = [
  'role.',
  'invitation.',
  'session.',
  'member.',
  'oneOnOne.',
  'signature.',
  'workplace.',
  'petition.',
  'campaign.',
  'event.',
  'committee.',
  'incident.',
  'alert.',
  'responder.',
] as const;
type Kind = (typeof KINDS)[number];

function useKindLabels(): Record<Kind, string> {
  const { t } = useLingui();
  return {
    'role.': t`Roles`,
    'invitation.': t`Invitations`,
    'session.': t`Sessions`,
    'member.': t`Members`,
    'oneOnOne.': t`One-on-ones`,
    'signature.': t`Signatures`,
    'workplace.': t`Workplaces`,
    'petition.': t`Petitions`,
    'campaign.': t`Campaigns`,
    'event.': t`Events`,
    'committee.': t`Committees`,
    'incident.': t`Incidents`,
    'alert.': t`Alerts`,
    'responder.': t`Rapid-response volunteers`,
  };
}

/** Each action code as a plain sentence; an unknown code shows as it is. */
function useActionDescriptions(): (action: string) => string {
  const { t } = useLingui();
  const known: Record<string, string> = {
    'local.create': t`The local was created`,
    'invitation.create': t`Invited someone`,
    'invitation.accept': t`Accepted an invitation`,
    'role.grant': t`Gave a role`,
    'role.revoke': t`Removed a role`,
    'session.end': t`Ended one of their own sessions`,
    'session.end_others': t`Ended their other sessions`,
    'session.end_user': t`Signed someone out everywhere (a lost or seized phone)`,
    'member.create': t`Added a member`,
    'member.update': t`Edited a member`,
    'member.archive': t`Archived a member`,
    'member.erase': t`Erased a member for good`,
    'member.import': t`Imported members from a file`,
    'member.export': t`Exported the members to a file`,
    'member.merge': t`Merged two records of the same member`,
    'member.duplicate.dismiss': t`Marked two members as different people`,
    'oneOnOne.log': t`Logged a one-on-one`,
    'oneOnOne.completeFollowUp': t`Completed a follow-up`,
    'workplace.create': t`Created a workplace`,
    'workplace.update': t`Edited a workplace`,
    'workplace.archive': t`Archived a workplace`,
    'petition.create': t`Created a petition`,
    'petition.open': t`Opened a petition`,
    'petition.deliver': t`Delivered a petition`,
    'petition.close': t`Closed a petition`,
    'signature.add': t`Added a signature`,
    'signature.remove': t`Removed a signature`,
    'campaign.create': t`Created a campaign`,
    'campaign.advance': t`Moved a campaign to another stage`,
    'campaign.recordVote': t`Recorded a campaign's vote`,
    'campaign.addMilestone': t`Added a milestone to a campaign`,
    'campaign.completeMilestone': t`Completed a campaign milestone`,
    'campaign.linkPetition': t`Linked a petition to a campaign`,
    'event.create': t`Scheduled an event`,
    'event.update': t`Edited an event`,
    'event.cancel': t`Cancelled an event`,
    'event.rsvp': t`Recorded an RSVP`,
    'event.attendance': t`Took attendance`,
    'committee.create': t`Created a committee`,
    'committee.archive': t`Archived a committee`,
    'committee.member.add': t`Added someone to a committee`,
    'committee.member.remove': t`Removed someone from a committee`,
    'committee.contacts.assign': t`Assigned committee contacts`,
    'incident.report': t`Reported an incident`,
    'incident.verify.confirmed': t`Verified an incident: confirmed`,
    'incident.verify.unconfirmed': t`Checked an incident: not confirmed`,
    'incident.verify.false_alarm': t`Checked an incident: false alarm`,
    'incident.close': t`Closed an incident`,
    'incident.expire': t`An incident's details were erased on schedule`,
    'alert.propose': t`Proposed an alert`,
    'alert.approve': t`Approved an alert`,
    'alert.cancel': t`Cancelled an alert`,
    'alert.sent': t`An alert finished sending`,
    'responder.set': t`Added or updated a rapid-response volunteer`,
    'responder.remove': t`Removed a rapid-response volunteer`,
  };
  return (action) => known[action] ?? action;
}

/** The local's audit log for its admins: newest first, a page at a time. */
export default function AuditLog() {
  const { t } = useLingui();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [kind, setKind] = useState<Kind | null>(null);
  const kinds = useKindLabels();
  return (
    <Screen title={t`Activity log`}>
      <p className="muted">
        <Trans>
          What was done in the local, newest first. It never holds names, contact details or notes.
        </Trans>
      </p>
      <label>
        <Trans>Show</Trans>
        <select
          value={kind ?? ''}
          onChange={(e) => {
            // Another kind starts again from the newest page.
            setKind((e.target.value || null) as Kind | null);
            setPages([null]);
          }}
        >
          <option value="">{t`Everything`}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kinds[k]}
            </option>
          ))}
        </select>
      </label>
      {pages.map((after, i) => (
        <AuditPage
          key={`${kind ?? 'all'} ${after ?? 'first'}`}
          after={after}
          action={kind}
          last={i === pages.length - 1}
          more={(cursor) => setPages((p) => [...p, cursor])}
        />
      ))}
    </Screen>
  );
}

function AuditPage({
  after,
  action,
  last,
  more,
}: {
  after: string | null;
  action: Kind | null;
  last: boolean;
  more: (cursor: string) => void;
}) {
  const local = useLocal();
  const f = useFormat();
  const describe = useActionDescriptions();
  const [{ data, error, fetching }] = useQuery({
    query: AuditQuery,
    variables: { localId: local.id, first: PAGE, after, action },
    requestPolicy: 'network-only',
  });
  const page = data?.auditEvents;
  const shown = page?.nodes ?? [];
  return (
    <>
      <ProblemText problem={problemOf(error)} />
      {fetching && !data && <Loading />}
      {page && after === null && (
        <p className="count">
          <Trans>{f.number(page.totalCount)} events in all</Trans>
        </p>
      )}
      <ol className="audit-list">
        {shown.map((e) => (
          <li key={e.id} className="card audit-event">
            <strong>{describe(e.action)}</strong>
            <span className="muted">
              <time dateTime={e.at}>{f.dateTime(e.at)}</time>
              {' · '}
              {e.actor ? e.actor.displayName : <Trans>Juntos itself</Trans>}
            </span>
            {e.detail.length > 0 && (
              <span className="muted">
                {e.detail.map((d) => `${d.name}: ${f.number(d.count)}`).join(' · ')}
              </span>
            )}
          </li>
        ))}
      </ol>
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <button type="button" onClick={() => more(page.pageInfo.endCursor!)}>
          <Trans>Load older events</Trans>
        </button>
      )}
    </>
  );
}
