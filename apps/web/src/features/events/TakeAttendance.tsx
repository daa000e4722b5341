import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { MemberPicker, Picked } from '../members/MemberPicker';

const DoorQuery = graphql(`
  query EventsDoor($id: ID!) {
    event(id: $id) {
      id
      title
      startsAt
      status
      attendedCount
      workplace {
        id
        name
      }
      attendances(first: 100) {
        nodes {
          id
          attended
          member {
            id
          }
        }
      }
    }
  }
`);

const Mark = graphql(`
  mutation EventsRecordAttendance($input: AttendanceInput!) {
    recordAttendance(input: $input) {
      id
      attended
      member {
        id
      }
      event {
        id
        attendedCount
      }
    }
  }
`);

/**
 * Attendance at the door, on a phone: type a few letters of a name (accents don't matter), tap
 * the member, and the count rises; a wrong tap is undone in one more.
 */
export function TakeAttendance() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const { id = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: DoorQuery, variables: { id } });
  const [marking, mark] = useMutation(Mark);
  // What this phone changed, for the count and the marks before the event's answers refetch.
  const [count, setCount] = useState<number | null>(null);
  const [present, setPresent] = useState<Map<string, boolean>>(new Map());
  const [recent, setRecent] = useState<Picked[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const e = data?.event;
  const attended = useMemo(() => {
    const s = new Set((e?.attendances?.nodes ?? []).filter((a) => a.attended).map((a) => a.member.id));
    for (const [m, yes] of present) {
      if (yes) s.add(m);
      else s.delete(m);
    }
    return s;
  }, [e, present]);
  const back = (
    <Link to={`/events/${id}`} className="back">
      <Trans>← Event</Trans>
    </Link>
  );
  if (!e)
    return (
      <Screen title={t`Take attendance`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error) ?? (data ? { code: 'NOT_FOUND' } : null)} />
      </Screen>
    );

  /** Marks the member present or not; true once marked present (the picker then empties, ready for the next). */
  async function set(m: Picked, yes: boolean): Promise<boolean> {
    setProblem(null);
    const r = await mark({ input: { eventId: id, memberIds: [m.id], attended: yes } });
    const failed = problemOf(r.error);
    if (failed) {
      setProblem(failed);
      return false;
    }
    const rows = r.data!.recordAttendance;
    if (rows[0]) setCount(rows[0].event.attendedCount);
    setPresent((p) => new Map(p).set(m.id, yes));
    setRecent((list) =>
      yes ? [m, ...list.filter((x) => x.id !== m.id)] : list.filter((x) => x.id !== m.id),
    );
    return yes;
  }

  const shown = f.number(count ?? e.attendedCount);
  const notYet = new Date(e.startsAt).getTime() > Date.now();
  const starts = f.dateTime(e.startsAt);
  return (
    <Screen title={t`Take attendance`} back={back}>
      <p>
        <strong>{e.title}</strong>
        {e.workplace && <> · {e.workplace.name}</>}
      </p>
      <p className="door-count" role="status" aria-live="polite">
        <Trans>Present: {shown}</Trans>
      </p>
      {e.status !== 'SCHEDULED' ? (
        <p className="notice">
          <Trans>This event is cancelled: it takes no new answers or attendance.</Trans>
        </p>
      ) : (
        <>
          {notYet && (
            <p className="notice">
              <Trans>Attendance opens when the event starts: {starts}.</Trans>
            </p>
          )}
          <MemberPicker
            className="door"
            delay={250}
            localId={local.id}
            workplaceId={e.workplace?.id}
            onPick={(m) => !attended.has(m.id) && set(m, true)}
            choice={(m, pick) => {
              const here = attended.has(m.id);
              return (
                <button
                  type="button"
                  className="choice door-member"
                  aria-pressed={here}
                  disabled={marking.fetching}
                  onClick={() => {
                    if (!here) pick();
                  }}
                >
                  <strong>{m.name}</strong>
                  <span>{[m.unit, m.workplace].filter(Boolean).join(' · ')}</span>
                  <span>{here ? <Trans>✓ Present</Trans> : <Trans>Tap to mark present</Trans>}</span>
                </button>
              );
            }}
          >
            <ProblemText
              problem={problem}
              fields={{
                eventId: notYet
                  ? t`Attendance opens when the event starts: ${starts}.`
                  : t`This event is cancelled: it takes no new answers or attendance.`,
                memberIds: t`This member is not at this event's workplace, or is archived.`,
              }}
            />
          </MemberPicker>
          {recent.length > 0 && (
            <section aria-labelledby="marked">
              <h2 id="marked">
                <Trans>Marked present on this phone</Trans>
              </h2>
              <ul className="cards">
                {recent.map((m) => (
                  <li key={m.id} className="card marked">
                    <span>
                      <strong>{m.name}</strong> · <Trans>Present</Trans>
                    </span>
                    <button type="button" disabled={marking.fetching} onClick={() => void set(m, false)}>
                      <Trans>Undo: {m.name}</Trans>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Screen>
  );
}
