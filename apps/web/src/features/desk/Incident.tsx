import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AlertAudience, DeskIncidentQuery, VerificationOutcome } from '../../gql/graphql';
import { flash, Loading, Screen } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { submitting, useAct } from './act';
import { AUDIENCES, expired, OUTCOMES, useDeskLabels } from './labels';

/** How often the counts of an alert being sent are asked for again. */
const POLL_MS = 2000;
/** A first alert is proposed into an empty list: the cache must know the query holds alerts. */
const HOLDS = { additionalTypenames: ['Alert', 'Verification'] };

const IncidentQuery = graphql(`
  query DeskIncident($id: ID!) {
    me {
      id
    }
    incident(id: $id) {
      id
      kind
      status
      location
      details
      reportedAt
      createdAt
      expiresAt
      workplace {
        id
        name
      }
      verifications {
        id
        at
        outcome
        note
        by {
          id
          displayName
        }
      }
      alerts {
        id
        status
        audience
        message
        createdAt
        sentAt
        recipientCount
        deliveredCount
        failedCount
        proposedBy {
          id
          displayName
        }
        approvedBy {
          id
          displayName
        }
      }
    }
  }
`);

const Verify = graphql(`
  mutation DeskVerifyIncident($input: VerifyIncidentInput!) {
    verifyIncident(input: $input) {
      id
      status
    }
  }
`);

const Propose = graphql(`
  mutation DeskProposeAlert($input: ProposeAlertInput!) {
    proposeAlert(input: $input) {
      id
      status
    }
  }
`);

const Approve = graphql(`
  mutation DeskApproveAlert($id: ID!) {
    approveAlert(id: $id) {
      id
      status
      recipientCount
    }
  }
`);

const Cancel = graphql(`
  mutation DeskCancelAlert($id: ID!) {
    cancelAlert(id: $id) {
      id
      status
    }
  }
`);

const Close = graphql(`
  mutation DeskCloseIncident($id: ID!) {
    closeIncident(id: $id) {
      id
      status
    }
  }
`);

type Incident = NonNullable<DeskIncidentQuery['incident']>;
type Alert = Incident['alerts'][number];

/** The most characters of one alert's text (the API's limit): one text message, roughly two. */
const MESSAGE_MAX = 320;

/** One incident: what was reported, its checks, its alerts, closing it. */
export function IncidentPage() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const f = useFormat();
  const labels = useDeskLabels();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: IncidentQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
    context: HOLDS,
  });
  const incident = data?.incident;
  // While an alert is being sent, its counts are asked for again every few seconds, then no more.
  const sending = !!incident?.alerts.some((a) => a.status === 'SENDING');
  useEffect(() => {
    if (!sending) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [sending, refetch]);

  const back = (
    <Link to="/desk" className="back">
      <Trans>All incidents</Trans>
    </Link>
  );
  if (!incident)
    return (
      <Screen title={t`Incident`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && !incident && <p role="alert" className="problem">{t`You don't have access to this.`}</p>}
      </Screen>
    );

  const gone = expired(incident);
  const open = !gone && incident.status !== 'CLOSED';
  return (
    <Screen title={labels.kind[incident.kind]} back={back}>
      <ProblemText problem={problemOf(error)} />
      <dl className="facts desk-facts">
        <dt>
          <Trans>Status</Trans>
        </dt>
        <dd className={`status status-${incident.status.toLowerCase()}`}>{labels.status[incident.status]}</dd>
        <dt>
          <Trans>Seen</Trans>
        </dt>
        <dd>{f.dateTime(incident.reportedAt)}</dd>
        {incident.workplace && (
          <>
            <dt>
              <Trans>Workplace</Trans>
            </dt>
            <dd>{incident.workplace.name}</dd>
          </>
        )}
        {!gone && (
          <>
            <dt>
              <Trans>Place</Trans>
            </dt>
            <dd>{incident.location || <span className="muted">{t`Not given`}</span>}</dd>
            <dt>
              <Trans>Details</Trans>
            </dt>
            <dd className="notes">{incident.details || <span className="muted">{t`Not given`}</span>}</dd>
          </>
        )}
      </dl>
      {gone ? (
        <p className="notice expired" role="status">
          <Trans>
            Expired on {f.dateTime(incident.expiresAt)}: its place, details, notes and alert texts were erased
            for good. If it is still going on, report it again.
          </Trans>
        </p>
      ) : (
        <p className="muted">
          <Trans>
            The place, details, notes and alert texts are erased for good on {f.dateTime(incident.expiresAt)}
          </Trans>
        </p>
      )}

      <section aria-labelledby="checks">
        <h2 id="checks">
          <Trans>Checks on the ground</Trans>
        </h2>
        {incident.verifications.length === 0 ? (
          <p className="muted">
            <Trans>Nobody has checked yet.</Trans>
          </p>
        ) : (
          <ul className="history verifications">
            {[...incident.verifications].reverse().map((v) => (
              <li key={v.id} className="card">
                <p>
                  <strong>{labels.outcome[v.outcome]}</strong> · {f.dateTime(v.at)} · {v.by.displayName}
                </p>
                {v.note && <p className="notes">{v.note}</p>}
              </li>
            ))}
          </ul>
        )}
        {open && <VerifyForm incidentId={incident.id} />}
      </section>

      <section aria-labelledby="alerts">
        <h2 id="alerts">
          <Trans>Alerts</Trans>
        </h2>
        {incident.alerts.length === 0 && (
          <p className="muted">
            <Trans>No alert yet.</Trans>
          </p>
        )}
        <ul className="history alerts">
          {[...incident.alerts].reverse().map((a) => (
            <li key={a.id}>
              <AlertCard alert={a} me={data.me.id} />
            </li>
          ))}
        </ul>
        {open && incident.status === 'CONFIRMED' && (
          <ProposeForm incidentId={incident.id} hasWorkplace={!!incident.workplace} />
        )}
        {open && incident.status !== 'CONFIRMED' && (
          <p className="muted">
            <Trans>An alert can be proposed once a check confirms the incident.</Trans>
          </p>
        )}
      </section>

      {!gone && incident.status !== 'CLOSED' && (
        <CloseIncident
          incidentId={incident.id}
          waiting={incident.alerts.some((a) => a.status === 'PROPOSED')}
        />
      )}
    </Screen>
  );
}

/** A check on the ground: confirmed, a false alarm, or not confirmed, with a note. */
function VerifyForm({ incidentId }: { incidentId: string }) {
  const { t } = useLingui();
  const labels = useDeskLabels();
  const ids = useId();
  const [outcome, setOutcome] = useState<VerificationOutcome | null>(null);
  const [note, setNote] = useState('');
  const verify = useAct(Verify);
  const fields = {
    note: t`The note is too long: at most 1,000 characters.`,
    incidentId: t`This incident takes no more checks: it is closed or has expired.`,
  };

  async function save() {
    if (!outcome || !(await verify.run({ input: { incidentId, outcome, note: note.trim() || null } })))
      return;
    setOutcome(null);
    setNote('');
    flash(t`Check recorded: ${labels.outcome[outcome]}`);
  }

  return (
    <form className="desk-form" onSubmit={submitting(save)}>
      <fieldset className="big-choices">
        <legend>
          <Trans>Record a check</Trans>
        </legend>
        {OUTCOMES.map((o) => (
          <button key={o} type="button" aria-pressed={outcome === o} onClick={() => setOutcome(o)}>
            {labels.outcome[o]}
          </button>
        ))}
      </fieldset>
      <label htmlFor={`${ids}-note`}>
        <Trans>Note</Trans>
      </label>
      <textarea
        id={`${ids}-note`}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={`${ids}-never`}
      />
      <p id={`${ids}-never`} className="reminder">
        <Trans>Never record immigration status.</Trans>
      </p>
      <ProblemText problem={verify.problem} fields={fields} />
      <button type="submit" className="primary" disabled={!outcome || verify.busy}>
        <Trans>Save the check</Trans>
      </button>
    </form>
  );
}

/** One text to an audience the API allows; a second person approves it before it goes. */
function ProposeForm({ incidentId, hasWorkplace }: { incidentId: string; hasWorkplace: boolean }) {
  const { t } = useLingui();
  const labels = useDeskLabels();
  const f = useFormat();
  const ids = useId();
  const [audience, setAudience] = useState<AlertAudience>('RESPONDERS');
  const [message, setMessage] = useState('');
  const propose = useAct(Propose);
  const problem = propose.problem;
  const fields = {
    message: t`Write the alert: 1 to 320 characters.`,
    audience: t`This incident has no workplace: alert the responders or the whole local.`,
    incidentId: t`An alert can be proposed only for a confirmed incident that is still open.`,
  };
  const audiences = AUDIENCES.filter((a) => hasWorkplace || a !== 'WORKPLACE_MEMBERS');

  async function save() {
    if (!(await propose.run({ input: { incidentId, audience, message: message.trim() } }))) return;
    setMessage('');
    flash(t`Alert proposed. A second person must approve it before it is sent.`);
  }

  const left = MESSAGE_MAX - message.length;
  return (
    <form className="desk-form" onSubmit={submitting(save)}>
      <h3>
        <Trans>Propose an alert</Trans>
      </h3>
      <fieldset>
        <legend>
          <Trans>Who gets it</Trans>
        </legend>
        <div className="choices">
          {audiences.map((a) => (
            <button key={a} type="button" aria-pressed={audience === a} onClick={() => setAudience(a)}>
              {labels.audience[a]}
            </button>
          ))}
        </div>
      </fieldset>
      <ProblemText problem={problem?.field === 'audience' ? problem : null} fields={fields} />
      <label htmlFor={`${ids}-message`}>
        <Trans>Text of the alert</Trans>
      </label>
      <textarea
        id={`${ids}-message`}
        rows={4}
        value={message}
        maxLength={MESSAGE_MAX}
        onChange={(e) => setMessage(e.target.value)}
        aria-describedby={`${ids}-hint ${ids}-left`}
      />
      <p id={`${ids}-hint`} className="muted">
        <Trans>What is happening, where, and what people&apos;s rights are. Never immigration status.</Trans>
      </p>
      <p id={`${ids}-left`} className="count" aria-live="polite">
        <Trans>{f.number(left)} characters left</Trans>
      </p>
      <ProblemText problem={problem?.field === 'audience' ? null : problem} fields={fields} />
      <button type="submit" className="primary" disabled={!message.trim() || propose.busy}>
        <Trans>Propose the alert</Trans>
      </button>
    </form>
  );
}

/** An alert: its text, who proposed and approved it, and how many got it, as it is sent. */
function AlertCard({ alert: a, me }: { alert: Alert; me: string }) {
  const { t } = useLingui();
  const labels = useDeskLabels();
  const f = useFormat();
  const approve = useAct(Approve);
  const cancel = useAct(Cancel);
  const mine = a.proposedBy.id === me;
  const delivered = f.number(a.deliveredCount);
  const recipients = f.number(a.recipientCount);
  const failed = f.number(a.failedCount);
  return (
    <article className={`card alert alert-${a.status.toLowerCase()}`}>
      <p>
        <strong className="status">{labels.alertStatus[a.status]}</strong> · {labels.audience[a.audience]}
      </p>
      {a.message ? (
        <p className="notes message">{a.message}</p>
      ) : (
        <p className="muted">
          <Trans>The text was erased.</Trans>
        </p>
      )}
      <p className="muted">
        <Trans>
          Proposed by {a.proposedBy.displayName}, {f.dateTime(a.createdAt)}
        </Trans>
      </p>
      {a.approvedBy && (
        <p className="muted">
          <Trans>Approved by {a.approvedBy.displayName}</Trans>
        </p>
      )}
      {(a.status === 'SENDING' || a.status === 'SENT') && (
        <div className="delivery">
          <p className="delivered" aria-live="polite">
            <Trans>
              Delivered to {delivered} of {recipients}
            </Trans>
            {a.failedCount > 0 && (
              <>
                {' · '}
                <Trans>Failed: {failed}</Trans>
              </>
            )}
          </p>
          {a.recipientCount > 0 && (
            <progress
              max={a.recipientCount}
              value={a.deliveredCount + a.failedCount}
              aria-label={t`Delivered to ${delivered} of ${recipients}`}
            />
          )}
        </div>
      )}
      {a.status === 'PROPOSED' && mine && (
        <p className="notice">
          <Trans>You proposed this alert: a second person must approve it.</Trans>
        </p>
      )}
      <ProblemText
        problem={approve.problem ?? cancel.problem}
        fields={{
          id: t`This alert cannot be sent: the incident is no longer confirmed, or no channel for texts is set up.`,
        }}
      />
      {(a.status === 'PROPOSED' || a.status === 'SENDING') && (
        <div className="desk-actions">
          {a.status === 'PROPOSED' && !mine && (
            <button
              type="button"
              className="primary"
              disabled={approve.busy}
              onClick={() => void approve.run({ id: a.id })}
            >
              <Trans>Approve and send</Trans>
            </button>
          )}
          <button type="button" disabled={cancel.busy} onClick={() => void cancel.run({ id: a.id })}>
            {a.status === 'SENDING' ? <Trans>Stop sending</Trans> : <Trans>Cancel the alert</Trans>}
          </button>
        </div>
      )}
    </article>
  );
}

/** Closing ends the incident and cancels its proposed alerts: asked once more before it is done. */
function CloseIncident({ incidentId, waiting }: { incidentId: string; waiting: boolean }) {
  const { t } = useLingui();
  const [asking, setAsking] = useState(false);
  const close = useAct(Close);
  async function yes() {
    if (!(await close.run({ id: incidentId }))) return;
    setAsking(false);
    flash(t`The incident is closed.`);
  }
  return (
    <section aria-labelledby="close" className="close-incident">
      <h2 id="close">
        <Trans>Close the incident</Trans>
      </h2>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          <Trans>Close the incident</Trans>
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="close">
          <p className="notice">
            {waiting ? (
              <Trans>
                Close it? It takes no more checks, and the alerts waiting for approval are cancelled.
              </Trans>
            ) : (
              <Trans>Close it? It takes no more checks or alerts.</Trans>
            )}
          </p>
          <div className="desk-actions">
            <button type="button" className="primary" disabled={close.busy} onClick={() => void yes()}>
              <Trans>Yes, close it</Trans>
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              <Trans>Keep it open</Trans>
            </button>
          </div>
        </div>
      )}
      <ProblemText problem={close.problem} />
    </section>
  );
}
