import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CommitteePageQuery, CommitteeRole } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { Confirm } from '../events/Confirm';
import { fullName, organizes } from '../events/labels';
import { MemberForm, Picked, useTypedSearch } from '../members/MemberPicker';
import { COMMITTEE_ROLES, useCommitteeKindLabels, useCommitteeRoleLabels } from './labels';
import { Reach } from './Reach';

const CommitteeQuery = graphql(`
  query CommitteePage($id: ID!) {
    committee(id: $id) {
      id
      name
      kind
      archivedAt
      coverage
      ratio
      membershipCount
      workplace {
        id
        name
        memberCount
      }
      memberships(first: 40) {
        totalCount
        nodes {
          id
          role
          contactCount
          unit {
            id
            name
          }
          member {
            id
            firstName
            lastName
            preferredName
          }
          contacts(first: 25) {
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

const Units = graphql(`
  query CommitteeUnits($id: ID!) {
    workplace(id: $id) {
      id
      units {
        id
        name
      }
    }
  }
`);

const MemberUnit = graphql(`
  query CommitteeMemberUnit($id: ID!) {
    member(id: $id) {
      id
      unit {
        id
        name
      }
    }
  }
`);

const Candidates = graphql(`
  query CommitteeCandidates($localId: ID!, $workplaceId: ID, $unitId: ID, $search: String) {
    members(
      localId: $localId
      first: 100
      filter: { workplaceId: $workplaceId, unitId: $unitId, search: $search }
    ) {
      totalCount
      nodes {
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
`);

const Seat = graphql(`
  mutation CommitteeSeat($input: CommitteeMembershipInput!) {
    addCommitteeMember(input: $input) {
      id
      committee {
        id
        membershipCount
        coverage
        ratio
      }
    }
  }
`);

const Unseat = graphql(`
  mutation CommitteeUnseat($id: ID!) {
    removeCommitteeMember(id: $id)
  }
`);

const Assign = graphql(`
  mutation CommitteeAssign($input: AssignContactsInput!) {
    assignContacts(input: $input) {
      id
      contactCount
      committee {
        id
        coverage
        ratio
      }
    }
  }
`);

const Archive = graphql(`
  mutation CommitteeArchive($id: ID!) {
    archiveCommittee(id: $id) {
      id
      archivedAt
    }
  }
`);

type Committee = NonNullable<CommitteePageQuery['committee']>;
type SeatRow = NonNullable<Committee['memberships']>['nodes'][number];

/** Writes that change seats or contacts refetch the committee and the list. */
const REFETCH = { additionalTypenames: ['Committee', 'CommitteeMembership', 'Member'] };

/** A committee: its reach, its seats by unit with their contacts, and (for organizers) the work on it. */
export function CommitteePage() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const local = useLocal();
  const kinds = useCommitteeKindLabels();
  const f = useFormat();
  const [{ data, error, fetching }] = useQuery({ query: CommitteeQuery, variables: { id } });
  const [archiving, archive] = useMutation(Archive);
  const [archiveProblem, setArchiveProblem] = useState<Problem | null>(null);
  const back = (
    <Link to="/committees" className="back">
      <Trans>← Committees</Trans>
    </Link>
  );
  const c = data?.committee;
  if (!c)
    return (
      <Screen title={t`Committee`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error) ?? (data ? { code: 'NOT_FOUND' } : null)} />
      </Screen>
    );
  const works = organizes(local.roles) && !c.archivedAt;
  const seats = c.memberships?.nodes ?? [];
  const count = f.number(c.membershipCount);
  return (
    <Screen title={c.name} back={back}>
      <p>
        {kinds[c.kind]} · {c.workplace?.name ?? <Trans>Whole local</Trans>} · <Trans>Seats: {count}</Trans>
      </p>
      {c.archivedAt && (
        <p className="notice">
          <Trans>This committee is archived: kept as history, it takes no new members or contacts.</Trans>
        </p>
      )}
      <section aria-labelledby="reach" aria-live="polite">
        <h2 id="reach">
          <Trans>Reach</Trans>
        </h2>
        <Reach coverage={c.coverage} ratio={c.ratio} members={c.workplace?.memberCount} />
      </section>
      {c.memberships && <Seats committee={c} seats={seats} works={works} />}
      {works && <SeatMember committee={c} />}
      {works && c.memberships && seats.length > 0 && <AssignContacts committee={c} seats={seats} />}
      {works && (
        <section className="danger-zone">
          <Confirm
            label={t`Archive the committee`}
            question={
              <Trans>
                Archive “{c.name}”? Its seats and contacts are kept as history; it takes no new members or
                contacts.
              </Trans>
            }
            yes={t`Yes, archive it`}
            busy={archiving.fetching}
            onYes={async () => {
              setArchiveProblem(null);
              const r = await archive({ id: c.id }, REFETCH);
              const failed = problemOf(r.error);
              if (failed) return setArchiveProblem(failed);
              flash(t`The committee is archived.`);
            }}
          />
          <ProblemText problem={archiveProblem} />
        </section>
      )}
    </Screen>
  );
}

/** The seats, grouped by the unit each one covers. */
function Seats({ committee: c, seats, works }: { committee: Committee; seats: SeatRow[]; works: boolean }) {
  const { t } = useLingui();
  const roles = useCommitteeRoleLabels();
  const f = useFormat();
  const [removing, remove] = useMutation(Unseat);
  const [problem, setProblem] = useState<Problem | null>(null);
  const groups = useMemo(() => {
    const by = new Map<string, { name: string | null; seats: SeatRow[] }>();
    for (const s of seats) {
      const key = s.unit?.id ?? '';
      const g = by.get(key) ?? { name: s.unit?.name ?? null, seats: [] };
      g.seats.push(s);
      by.set(key, g);
    }
    return [...by.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  }, [seats]);
  const total = c.memberships!.totalCount;
  const shownSeats = f.number(seats.length);
  const allSeats = f.number(total);
  return (
    <section aria-labelledby="seats">
      <h2 id="seats">
        <Trans>Seats</Trans>
      </h2>
      {seats.length === 0 && (
        <p className="muted">
          <Trans>No one is seated yet.</Trans>
        </p>
      )}
      <ProblemText problem={problem} />
      {groups.map((g) => (
        <div key={g.name ?? ''} className="unit-group">
          <h3>{g.name ?? t`No unit`}</h3>
          <ul className="cards">
            {g.seats.map((s) => {
              const name = fullName(s.member);
              const contacts = f.number(s.contactCount);
              const more = s.contactCount - s.contacts.nodes.length;
              const others = f.number(more);
              return (
                <li key={s.id} className="card seat">
                  <p>
                    <strong>{name}</strong> · {roles[s.role]}
                  </p>
                  <p>
                    <Trans>Contacts: {contacts}</Trans>
                  </p>
                  {s.contacts.nodes.length > 0 && (
                    <p className="muted contacts">
                      {s.contacts.nodes.map(fullName).join(', ')}
                      {more > 0 && (
                        <>
                          {' '}
                          <Trans>and {others} more</Trans>
                        </>
                      )}
                    </p>
                  )}
                  {works && (
                    <Confirm
                      label={t`Remove ${name}`}
                      question={
                        <Trans>
                          Remove {name} from the committee? Their {contacts} contacts are freed.
                        </Trans>
                      }
                      yes={t`Yes, remove the seat`}
                      busy={removing.fetching}
                      onYes={async () => {
                        setProblem(null);
                        const r = await remove({ id: s.id }, REFETCH);
                        const failed = problemOf(r.error);
                        if (failed) return setProblem(failed);
                        flash(t`${name} no longer has a seat.`);
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {total > seats.length && (
        <p className="muted">
          <Trans>
            Showing {shownSeats} of {allSeats} seats.
          </Trans>
        </p>
      )}
    </section>
  );
}

/** Seats a member: found by name (their unit shown), with a role and the unit they cover. */
function SeatMember({ committee: c }: { committee: Committee }) {
  const { t } = useLingui();
  const local = useLocal();
  const roles = useCommitteeRoleLabels();
  const id = useId();
  const [member, setMember] = useState<Picked | null>(null);
  const [role, setRole] = useState<CommitteeRole>('CAPTAIN');
  const [unitId, setUnitId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [seating, seat] = useMutation(Seat);
  const [units] = useQuery({
    query: Units,
    variables: { id: c.workplace?.id ?? '' },
    pause: !c.workplace,
  });
  const [picked] = useQuery({ query: MemberUnit, variables: { id: member?.id ?? '' }, pause: !member });
  // The unit a new seat covers starts as the member's own.
  const own = picked.data?.member?.unit?.id;
  useEffect(() => {
    if (own) setUnitId(own);
  }, [own]);
  async function submit() {
    if (!member) return;
    setProblem(null);
    const r = await seat(
      { input: { committeeId: c.id, memberId: member.id, role, unitId: unitId || null } },
      REFETCH,
    );
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const name = member.name;
    flash(t`${name} is seated.`);
    setMember(null);
    setUnitId('');
  }
  return (
    <section aria-labelledby="seat-member">
      <h2 id="seat-member">
        <Trans>Seat a member</Trans>
      </h2>
      <MemberForm
        localId={local.id}
        workplaceId={c.workplace?.id}
        member={member}
        onPick={(m) => {
          setProblem(null);
          setMember(m);
        }}
        onClear={() => setMember(null)}
        onSubmit={() => void submit()}
      >
        {(member) => (
          <>
            <fieldset className="chips">
              <legend>
                <Trans>Role</Trans>
              </legend>
              {COMMITTEE_ROLES.map((r) => (
                <button
                  key={r}
                  type="button"
                  className="chip"
                  aria-pressed={role === r}
                  onClick={() => setRole(r)}
                >
                  {roles[r]}
                </button>
              ))}
            </fieldset>
            {c.workplace && (
              <>
                <label htmlFor={`${id}-unit`}>
                  <Trans>Unit they cover</Trans>
                </label>
                <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                  <option value="">{t`No unit`}</option>
                  {(units.data?.workplace?.units ?? []).map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            {problem?.code === 'CONFLICT' ? (
              <p role="alert" className="problem">
                <Trans>{member.name} already has a seat on this committee.</Trans>
              </p>
            ) : (
              <ProblemText
                problem={problem}
                fields={{
                  memberId: t`This member is not at this committee's workplace, or is archived.`,
                  unitId: t`Choose a unit of this committee's workplace.`,
                  committeeId: t`This committee is archived: it takes no new members or contacts.`,
                }}
              />
            )}
            <button type="submit" className="primary" disabled={seating.fetching}>
              <Trans>Seat {member.name}</Trans>
            </button>
          </>
        )}
      </MemberForm>
    </section>
  );
}

/** Gives contacts to a seat: tick members who have no seat, choose the seat, assign. */
function AssignContacts({ committee: c, seats }: { committee: Committee; seats: SeatRow[] }) {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const id = useId();
  const [unitId, setUnitId] = useState('');
  const { typed, setTyped, search } = useTypedSearch();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [to, setTo] = useState(seats[0]?.id ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [assigning, assign] = useMutation(Assign);
  const [units] = useQuery({ query: Units, variables: { id: c.workplace?.id ?? '' }, pause: !c.workplace });
  const [{ data, error }] = useQuery({
    query: Candidates,
    variables: {
      localId: local.id,
      workplaceId: c.workplace?.id ?? null,
      unitId: unitId || null,
      search: search.length >= 2 ? search : null,
    },
  });
  const seated = new Set(seats.map((s) => s.member.id));
  // Who keeps in touch with whom, as far as the page knows (each seat's first contacts).
  const contactOf = new Map<string, string>();
  for (const s of seats) for (const m of s.contacts.nodes) contactOf.set(m.id, fullName(s.member));
  const list = (data?.members.nodes ?? []).filter((m) => !seated.has(m.id));
  const seat = seats.find((s) => s.id === to) ?? seats[0];
  const target = seat ? fullName(seat.member) : '';
  const n = chosen.size;
  const shown = f.number(data?.members.nodes.length ?? 0);
  const total = f.number(data?.members.totalCount ?? 0);
  async function submit() {
    if (!seat || n === 0) return;
    setProblem(null);
    const r = await assign({ input: { membershipId: seat.id, memberIds: [...chosen] } }, REFETCH);
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const count = f.number(n);
    flash(t`${count} assigned to ${target}.`);
    setChosen(new Set());
  }
  return (
    <section aria-labelledby="assign">
      <h2 id="assign">
        <Trans>Assign contacts</Trans>
      </h2>
      <p className="muted">
        <Trans>
          Tick the members a seat will keep in touch with. A member who had a contact moves to the new one.
        </Trans>
      </p>
      <div className="filters-row">
        {c.workplace && (
          <div>
            <label htmlFor={`${id}-unit`}>
              <Trans>Unit</Trans>
            </label>
            <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">{t`All units`}</option>
              {(units.data?.workplace?.units ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-search`}>
            <Trans>Search by name</Trans>
          </label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      </div>
      <ProblemText problem={problemOf(error)} />
      <fieldset className="candidates">
        <legend>
          <Trans>Members without a seat</Trans>
        </legend>
        {data && list.length === 0 && (
          <p className="muted">
            <Trans>No members match.</Trans>
          </p>
        )}
        <ul className="choices">
          {list.map((m) => {
            const covered = contactOf.get(m.id);
            return (
              <li key={m.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(m.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      setChosen(next);
                    }}
                  />
                  <span>
                    <strong>{fullName(m)}</strong>
                    <span className="muted">
                      {m.unit?.name ?? t`No unit`}
                      {' · '}
                      {covered ? <Trans>Contact of {covered}</Trans> : <Trans>No contact yet</Trans>}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {data && data.members.totalCount > data.members.nodes.length && (
          <p className="muted">
            <Trans>
              Showing {shown} of {total}: choose a unit or search to find the rest.
            </Trans>
          </p>
        )}
      </fieldset>
      <form
        className="assign-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-to`}>
          <Trans>Assign to</Trans>
        </label>
        <select id={`${id}-to`} value={seat?.id ?? ''} onChange={(e) => setTo(e.target.value)}>
          {seats.map((s) => (
            <option key={s.id} value={s.id}>
              {fullName(s.member)}
              {s.unit ? ` · ${s.unit.name}` : ''}
            </option>
          ))}
        </select>
        <ProblemText
          problem={problem}
          fields={{
            memberIds: t`Some of these members are not at this committee's workplace, or are archived.`,
            membershipId: t`This committee is archived: it takes no new members or contacts.`,
          }}
        />
        <button type="submit" className="primary" disabled={n === 0 || assigning.fetching}>
          <Plural value={n} one={`Assign # member to ${target}`} other={`Assign # members to ${target}`} />
        </button>
      </form>
    </section>
  );
}
