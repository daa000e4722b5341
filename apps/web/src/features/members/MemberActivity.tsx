import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MemberPageQuery, SignatureMethod } from '../../gql/graphql';
import { useFormat } from '../../ui/format';
import { useCommitteeKindLabels, useCommitteeRoleLabels } from '../committees/labels';
import { fullName, useEventKindLabels, useRsvpLabels } from '../events/labels';
import './member-activity.css';

type Member = NonNullable<MemberPageQuery['member']>;

/**
 * What a member has done with the local: the petitions they signed, the events they answered or
 * came to, and the committees they sit on. Each list is null where the API refuses it to the
 * viewer, and then is not shown at all.
 */
export function MemberActivity({ member: m }: { member: Member }) {
  return (
    <>
      {m.signatures && <Signatures list={m.signatures} />}
      {m.attendances && <Events list={m.attendances} />}
      {m.committeeSeats && <Seats list={m.committeeSeats} />}
    </>
  );
}

/** A titled list of cards, with a line for none and one for more than the page shows. */
function Section({
  id,
  title,
  list,
  none,
  children,
}: {
  id: string;
  title: ReactNode;
  list: { totalCount: number; nodes: unknown[] };
  none: ReactNode;
  children: ReactNode;
}) {
  const f = useFormat();
  const shown = list.nodes.length;
  const total = list.totalCount;
  const count = f.number(shown);
  const all = f.number(total);
  return (
    <section aria-labelledby={id} className="activity">
      <h2 id={id}>{title}</h2>
      {total === 0 && <p className="muted">{none}</p>}
      <ul className="cards">{children}</ul>
      {total > shown && (
        <p className="muted">
          <Trans>
            The latest {count} of {all}.
          </Trans>
        </p>
      )}
    </section>
  );
}

function Signatures({ list }: { list: NonNullable<Member['signatures']> }) {
  const { t } = useLingui();
  const f = useFormat();
  const methods: Record<SignatureMethod, string> = {
    PAPER: t`On paper`,
    DIGITAL: t`Digitally`,
    VERBAL: t`Out loud`,
  };
  return (
    <Section
      id="signatures"
      title={<Trans>Petitions signed</Trans>}
      list={list}
      none={<Trans>Has not signed a petition yet.</Trans>}
    >
      {list.nodes.map((s) => {
        const when = f.date(s.signedAt);
        return (
          <li key={s.id} className="card">
            <Link to={`/petitions/${s.petition.id}`} className="card-link">
              <strong>{s.petition.title}</strong>
              <span>
                <Trans>Signed on {when}</Trans> · {methods[s.method]}
              </span>
            </Link>
          </li>
        );
      })}
    </Section>
  );
}

function Events({ list }: { list: NonNullable<Member['attendances']> }) {
  const f = useFormat();
  const kinds = useEventKindLabels();
  const answers = useRsvpLabels();
  // Newest event first, whatever order the answers were recorded in.
  const byDate = [...list.nodes].sort((a, b) => b.event.startsAt.localeCompare(a.event.startsAt));
  return (
    <Section
      id="events"
      title={<Trans>Events</Trans>}
      list={list}
      none={<Trans>Has not answered or come to an event yet.</Trans>}
    >
      {byDate.map((a) => (
        <li key={a.id} className="card">
          <Link to={`/events/${a.event.id}`} className="card-link">
            <strong>{a.event.title}</strong>
            <span>
              {kinds[a.event.kind]} · {f.dateTime(a.event.startsAt)}
            </span>
            <span>
              {a.rsvp ? answers[a.rsvp] : <Trans>No answer</Trans>}
              {a.attended !== null && (
                <>
                  {' · '}
                  {a.attended ? (
                    <strong className="came">
                      <Trans>Attended</Trans>
                    </strong>
                  ) : (
                    <Trans>Did not attend</Trans>
                  )}
                </>
              )}
            </span>
            {a.event.status === 'CANCELLED' && (
              <span className="muted">
                <Trans>Cancelled</Trans>
              </span>
            )}
          </Link>
        </li>
      ))}
    </Section>
  );
}

function Seats({ list }: { list: NonNullable<Member['committeeSeats']> }) {
  const f = useFormat();
  const kinds = useCommitteeKindLabels();
  const roles = useCommitteeRoleLabels();
  return (
    <Section
      id="committees"
      title={<Trans>Committees</Trans>}
      list={list}
      none={<Trans>Does not sit on a committee.</Trans>}
    >
      {list.nodes.map((s) => {
        const contacts = f.number(s.contacts.totalCount);
        const more = s.contacts.totalCount - s.contacts.nodes.length;
        const others = f.number(more);
        const since = f.date(s.since);
        const unit = s.unit?.name;
        return (
          <li key={s.id} className="card">
            <Link to={`/committees/${s.committee.id}`} className="card-link">
              <strong>{s.committee.name}</strong>
              <span>
                {roles[s.role]} · {kinds[s.committee.kind]}
              </span>
              {unit && (
                <span>
                  <Trans>Covers {unit}</Trans>
                </span>
              )}
              <span className="muted">
                <Trans>Seated on {since}</Trans>
                {s.committee.archivedAt && (
                  <>
                    {' · '}
                    <Trans>Archived</Trans>
                  </>
                )}
              </span>
            </Link>
            <p>
              <Trans>Contacts: {contacts}</Trans>
            </p>
            {s.contacts.nodes.length > 0 && (
              <ul className="contacts">
                {s.contacts.nodes.map((c) => (
                  <li key={c.id}>
                    <Link to={`/members/${c.id}`}>{fullName(c)}</Link>
                  </li>
                ))}
                {more > 0 && (
                  <li className="muted">
                    <Trans>and {others} more</Trans>
                  </li>
                )}
              </ul>
            )}
          </li>
        );
      })}
    </Section>
  );
}
