import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EventPageQuery, RsvpStatus } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { MemberForm, Picked } from '../members/MemberPicker';
import { Confirm } from './Confirm';
import { fullName, organizes, RSVP_ANSWERS, useEventKindLabels, useRsvpLabels } from './labels';

const EventQuery = graphql(`
  query EventPage($id: ID!) {
    event(id: $id) {
      id
      title
      kind
      description
      startsAt
      endsAt
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
      attendances(first: 100) {
        totalCount
        nodes {
          id
          rsvp
          attended
          member {
            id
            firstName
            lastName
            preferredName
            unit {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const Cancel = graphql(`
  mutation EventsCancel($id: ID!) {
    cancelEvent(id: $id) {
      id
      status
    }
  }
`);

const Rsvp = graphql(`
  mutation EventsRsvp($input: RsvpInput!) {
    rsvp(input: $input) {
      id
      rsvp
      attended
      event {
        id
        rsvpCount
        full
      }
    }
  }
`);

type Ev = NonNullable<EventPageQuery['event']>;

/** An event: when and where, its counts, who answered what and who came. */
export function EventPage() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const local = useLocal();
  const f = useFormat();
  const kinds = useEventKindLabels();
  const [{ data, error, fetching }] = useQuery({ query: EventQuery, variables: { id } });
  const [cancelling, cancel] = useMutation(Cancel);
  const [cancelProblem, setCancelProblem] = useState<Problem | null>(null);
  const back = (
    <Link to="/events" className="back">
      <Trans>← Events</Trans>
    </Link>
  );
  const e = data?.event;
  if (!e)
    return (
      <Screen title={t`Event`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error) ?? (data ? { code: 'NOT_FOUND' } : null)} />
      </Screen>
    );
  const staff = organizes(local.roles);
  const field = staff || local.roles.includes('STEWARD');
  const scheduled = e.status === 'SCHEDULED';
  const rsvps = f.number(e.rsvpCount);
  const came = f.number(e.attendedCount);
  const capacity = e.capacity ? f.number(e.capacity) : null;
  return (
    <Screen title={e.title} back={back}>
      <section className="facts">
        <p>
          <strong>{kinds[e.kind]}</strong>
        </p>
        <p>
          {f.dateTime(e.startsAt)}
          {e.endsAt && <> – {f.dateTime(e.endsAt)}</>}
        </p>
        <p>
          {e.workplace?.name ?? <Trans>Whole local</Trans>}
          {e.location && <> · {e.location}</>}
        </p>
        {e.description && <p className="notes">{e.description}</p>}
      </section>
      {!scheduled && (
        <p className="notice">
          <Trans>This event is cancelled: it takes no new answers or attendance.</Trans>
        </p>
      )}
      <dl className="tally" aria-live="polite">
        <div>
          <dt>
            <Trans context="how many">Confirmed</Trans>
          </dt>
          <dd>
            {capacity ? (
              <Trans>
                {rsvps} of {capacity}
              </Trans>
            ) : (
              rsvps
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Trans context="how many">Attended</Trans>
          </dt>
          <dd>{came}</dd>
        </div>
        {e.full && (
          <div>
            <dt>
              <Trans>Capacity</Trans>
            </dt>
            <dd>
              <Trans>Full</Trans>
            </dd>
          </div>
        )}
      </dl>
      {scheduled && field && (
        <div className="actions">
          <Link to={`/events/${e.id}/door`} className="button primary">
            <Trans>Take attendance</Trans>
          </Link>
          {staff && (
            <Link to={`/events/${e.id}/edit`} className="button">
              <Trans>Edit</Trans>
            </Link>
          )}
        </div>
      )}
      {e.attendances && <Answers event={e} />}
      {scheduled && field && <RecordRsvp event={e} />}
      {scheduled && staff && (
        <section className="danger-zone">
          <Confirm
            label={t`Cancel the event`}
            question={
              <Trans>
                Cancel “{e.title}”? Its answers and attendance are kept, and it takes no new ones.
              </Trans>
            }
            yes={t`Yes, cancel the event`}
            busy={cancelling.fetching}
            onYes={async () => {
              setCancelProblem(null);
              const r = await cancel({ id: e.id });
              const failed = problemOf(r.error);
              if (failed) return setCancelProblem(failed);
              flash(t`The event is cancelled.`);
            }}
          />
          <ProblemText problem={cancelProblem} />
        </section>
      )}
    </Screen>
  );
}

/** Who answered what, and who came. */
function Answers({ event: e }: { event: Ev }) {
  const labels = useRsvpLabels();
  const f = useFormat();
  const rows = e.attendances!.nodes;
  const total = e.attendances!.totalCount;
  const shown = f.number(rows.length);
  const all = f.number(total);
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">
        <Trans>Answers and attendance</Trans>
      </h2>
      {rows.length === 0 && (
        <p className="muted">
          <Trans>No answers yet.</Trans>
        </p>
      )}
      <ul className="cards answers">
        {rows.map((a) => (
          <li key={a.id} className="card answer">
            <strong>{fullName(a.member)}</strong>
            {a.member.unit && <span className="muted">{a.member.unit.name}</span>}
            <span>
              {a.rsvp ? labels[a.rsvp] : <Trans>No answer</Trans>}
              {' · '}
              {a.attended === true ? (
                <strong className="present">
                  <Trans>Attended</Trans>
                </strong>
              ) : a.attended === false ? (
                <Trans>Did not attend</Trans>
              ) : (
                <span className="muted">
                  <Trans>Attendance not taken</Trans>
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {total > rows.length && (
        <p className="muted">
          <Trans>
            Showing {shown} of {all}.
          </Trans>
        </p>
      )}
    </section>
  );
}

/** An answer given in person or by phone, recorded for the member. */
function RecordRsvp({ event: e }: { event: Ev }) {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useRsvpLabels();
  const [member, setMember] = useState<Picked | null>(null);
  const [answer, setAnswer] = useState<RsvpStatus>('ACCEPTED');
  const [saving, save] = useMutation(Rsvp);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit() {
    if (!member) return;
    setProblem(null);
    const r = await save({ input: { eventId: e.id, memberId: member.id, status: answer } });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const name = member.name;
    const said = labels[answer];
    setDone(t`${name}: ${said}`);
    setMember(null);
  }
  return (
    <section aria-labelledby="record-rsvp">
      <h2 id="record-rsvp">
        <Trans>Record an answer</Trans>
      </h2>
      {done && (
        <p className="flash" role="status">
          {done}
        </p>
      )}
      <MemberForm
        localId={local.id}
        workplaceId={e.workplace?.id}
        member={member}
        onPick={(m) => {
          setDone(null);
          setMember(m);
        }}
        onClear={() => setMember(null)}
        onSubmit={() => void submit()}
      >
        {() => (
          <>
            <fieldset className="chips">
              <legend>
                <Trans>Their answer</Trans>
              </legend>
              {RSVP_ANSWERS.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="chip"
                  aria-pressed={answer === s}
                  onClick={() => setAnswer(s)}
                >
                  {labels[s]}
                </button>
              ))}
            </fieldset>
            <ProblemText
              problem={problem}
              fields={{
                memberIds: t`This member is not at this event's workplace, or is archived.`,
                memberId: t`This member is not at this event's workplace, or is archived.`,
                eventId: t`This event is cancelled: it takes no new answers or attendance.`,
              }}
            />
            <button type="submit" className="primary" disabled={saving.fetching}>
              <Trans>Save the answer</Trans>
            </button>
          </>
        )}
      </MemberForm>
    </section>
  );
}
