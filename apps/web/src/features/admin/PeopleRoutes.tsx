import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { NotFound } from '../home/NotFound';
import { ROLES, useRoleLabels } from './roles';
import './admin.css';

/** The local admin's people: who holds which role, invitations, and ending a lost phone's sessions. */
export default function PeopleRoutes() {
  return (
    <Routes>
      <Route index element={<People />} />
      <Route path="invite" element={<Invite />} />
      <Route path=":id" element={<Person />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/**
 * The local's people: its role assignments, by display name, a page at a time, with each
 * steward's workplaces. The workplaces count 50 per role in the API's cost limit, so 50 roles a
 * page stay well within it.
 */
const RolesQuery = graphql(`
  query PeopleRoles($localId: ID!, $after: String) {
    roleAssignments(localId: $localId, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        role
        user {
          id
          displayName
          email
        }
        workplaces {
          id
        }
      }
    }
  }
`);

/** Invitations not yet accepted and not expired. The API never sends their one-time code again. */
const PendingQuery = graphql(`
  query PeoplePendingInvitations($localId: ID!) {
    pendingInvitations(localId: $localId) {
      id
      email
      role
      expiresAt
    }
  }
`);

const WorkplacesQuery = graphql(`
  query PeopleWorkplaces($localId: ID!) {
    workplaces(localId: $localId, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

interface Person {
  id: string;
  displayName: string;
  email: string;
  roles: { id: string; role: Role; workplaceIds: string[] }[];
}

type Assignment = {
  id: string;
  role: Role;
  user: { id: string; displayName: string; email: string };
  workplaces?: { id: string }[];
};

/** Adds a page of role assignments to the people known so far: one person per user, in list order. */
function addAssignments(known: Person[], page: Assignment[]): Person[] {
  const people = new Map(known.map((p) => [p.id, { ...p, roles: [...p.roles] }]));
  for (const a of page) {
    const person = people.get(a.user.id) ?? {
      id: a.user.id,
      displayName: a.user.displayName,
      email: a.user.email,
      roles: [],
    };
    if (!person.roles.some((r) => r.id === a.id))
      person.roles.push({ id: a.id, role: a.role, workplaceIds: (a.workplaces ?? []).map((w) => w.id) });
    people.set(a.user.id, person);
  }
  return [...people.values()];
}

/**
 * The local's role assignments read into people, a page at a time: `read(null)` starts again and
 * `read(cursor)` adds the next page. For one person (`userId`), pages are read on, at most 40,
 * until past their roles (the list is by display name, so theirs sit together), and only theirs
 * are kept.
 */
function useRolePages(userId?: string) {
  const client = useClient();
  const local = useLocal();
  const [people, setPeople] = useState<Person[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);

  const read = useCallback(
    async (from: string | null) => {
      setLoading(true);
      let after = from;
      let next = false;
      const found: Assignment[] = [];
      for (let page = 0; page < (userId ? 40 : 1); page++) {
        const r = await client
          .query(RolesQuery, { localId: local.id, after }, { requestPolicy: 'network-only' })
          .toPromise();
        const failed = problemOf(r.error);
        if (failed || !r.data) {
          setLoading(false);
          return setProblem(failed);
        }
        const { nodes, pageInfo } = r.data.roleAssignments;
        found.push(...(userId ? nodes.filter((a) => a.user.id === userId) : nodes));
        after = pageInfo.endCursor ?? null;
        next = pageInfo.hasNextPage;
        const past = found.length > 0 && nodes.length > 0 && nodes[nodes.length - 1].user.id !== userId;
        if (!next || (userId && past)) break;
      }
      setLoading(false);
      setProblem(null);
      setPeople((known) => addAssignments(from === null ? [] : known, found));
      setCursor(after);
      setMore(next);
    },
    [client, local.id, userId],
  );
  useEffect(() => {
    void read(null);
  }, [read]);
  return { people, cursor, more, loading, problem, read };
}

function People() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const roleLabels = useRoleLabels();
  const { people, cursor, more, loading, problem, read } = useRolePages();
  const [{ data: pending, error: pendingError }] = useQuery({
    query: PendingQuery,
    variables: { localId: local.id },
    requestPolicy: 'network-only',
  });

  const invitations = pending?.pendingInvitations ?? [];
  return (
    <Screen title={t`People`}>
      <ProblemText problem={problem ?? problemOf(pendingError)} />
      {!problem && (
        <>
          <Link to="/people/invite" className="button primary">
            <Trans>Invite someone</Trans>
          </Link>
          {loading && <Loading />}
          <ul className="cards">
            {people.map((p) => (
              <li key={p.id}>
                <article className="card">
                  <Link to={`/people/${p.id}`} className="card-link">
                    <strong>{p.displayName}</strong>
                    <span className="muted">{p.email}</span>
                    <span>{p.roles.map((r) => roleLabels[r.role]).join(' · ')}</span>
                  </Link>
                </article>
              </li>
            ))}
          </ul>
          {more && !loading && (
            <button type="button" onClick={() => void read(cursor)}>
              <Trans>Show more people</Trans>
            </button>
          )}
          {invitations.length > 0 && (
            <section aria-labelledby="pending">
              <h2 id="pending">
                <Trans>Invitations not yet accepted</Trans>
              </h2>
              <ul className="cards pending-invitations">
                {invitations.map((i) => (
                  <li key={i.id}>
                    <article className="card">
                      <strong>{i.email}</strong>
                      <span>{roleLabels[i.role]}</span>
                      <span className="muted">
                        <Trans>Expires {f.date(i.expiresAt)}</Trans>
                      </span>
                    </article>
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

const Grant = graphql(`
  mutation PeopleGrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      id
      role
      workplaces {
        id
      }
    }
  }
`);

const Revoke = graphql(`
  mutation PeopleRevokeRole($id: ID!) {
    revokeRole(id: $id)
  }
`);

const EndSessions = graphql(`
  mutation PeopleEndUserSessions($localId: ID!, $userId: ID!) {
    endUserSessions(localId: $localId, userId: $userId)
  }
`);

function Person() {
  const { t } = useLingui();
  const local = useLocal();
  const { id = '' } = useParams();
  const roleLabels = useRoleLabels();
  const { people, loading, problem: failed, read } = useRolePages(id);
  const [{ data: places }] = useQuery({ query: WorkplacesQuery, variables: { localId: local.id } });
  const names = new Map((places?.workplaces.nodes ?? []).map((w) => [w.id, w.name]));
  const reload = () => read(null);
  // Their last role removed here: they stay on screen, with no role in this local.
  const [shown, setShown] = useState<Person | null>(null);
  const found = people.find((p) => p.id === id) ?? null;
  useEffect(() => {
    if (found) setShown(found);
  }, [found]);
  const gone = !loading && !found;
  const person = failed ? null : (found ?? (gone && shown?.id === id ? { ...shown, roles: [] } : null));
  const problem: Problem | null = failed ?? (gone && !person ? { code: 'NOT_FOUND' } : null);

  const back = (
    <Link to="/people" className="back">
      <Trans>← People</Trans>
    </Link>
  );
  if (!person)
    return (
      <Screen title={t`Person`} back={back}>
        {loading && <Loading />}
        <ProblemText problem={problem} />
      </Screen>
    );
  const held = new Set(person.roles.map((r) => r.role));
  return (
    <Screen title={person.displayName} back={back}>
      <p className="muted">{person.email}</p>
      <section aria-labelledby="roles">
        <h2 id="roles">
          <Trans>Roles in this local</Trans>
        </h2>
        {person.roles.length === 0 && (
          <p className="muted">
            <Trans>No role in this local.</Trans>
          </p>
        )}
        <ul className="cards">
          {person.roles.map((r) => (
            <li key={r.id}>
              <RoleCard
                role={r}
                label={roleLabels[r.role]}
                userId={person.id}
                names={names}
                workplaces={places?.workplaces.nodes ?? []}
                done={reload}
              />
            </li>
          ))}
        </ul>
        <GrantRole userId={person.id} held={held} workplaces={places?.workplaces.nodes ?? []} done={reload} />
      </section>
      <EndTheirSessions userId={person.id} name={person.displayName} />
    </Screen>
  );
}

interface Place {
  id: string;
  name: string;
}

function WorkplaceChoices({
  workplaces,
  chosen,
  setChosen,
  legend,
}: {
  workplaces: Place[];
  chosen: string[];
  setChosen: (ids: string[]) => void;
  legend: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {workplaces.map((w) => (
        <label key={w.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(w.id)}
            onChange={(e) =>
              setChosen(e.target.checked ? [...chosen, w.id] : chosen.filter((c) => c !== w.id))
            }
          />
          {w.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The roles offered, the chosen one pressed; a steward's workplaces under them once Steward is chosen. */
function RoleChoices({
  legend,
  offered,
  role,
  setRole,
  workplaces,
  chosen,
  setChosen,
}: {
  legend: ReactNode;
  offered: Role[];
  role: Role | null;
  setRole: (role: Role) => void;
  workplaces: Place[];
  chosen: string[];
  setChosen: (ids: string[]) => void;
}) {
  const { t } = useLingui();
  const labels = useRoleLabels();
  return (
    <>
      <fieldset className="choices role-choices">
        <legend>{legend}</legend>
        {offered.map((r) => (
          <button key={r} type="button" aria-pressed={role === r} onClick={() => setRole(r)}>
            {labels[r]}
          </button>
        ))}
      </fieldset>
      {role === 'STEWARD' && (
        <WorkplaceChoices
          workplaces={workplaces}
          chosen={chosen}
          setChosen={setChosen}
          legend={t`This steward's workplaces`}
        />
      )}
    </>
  );
}

function RoleCard({
  role,
  label,
  userId,
  names,
  workplaces,
  done,
}: {
  role: Person['roles'][number];
  label: string;
  userId: string;
  names: Map<string, string>;
  workplaces: Place[];
  done: () => Promise<void>;
}) {
  const { t } = useLingui();
  const local = useLocal();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(role.workplaceIds);
  const [revoking, revoke] = useMutation(Revoke);
  const [granting, grant] = useMutation(Grant);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function remove() {
    setProblem(null);
    const r = await revoke({ id: role.id });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`Role removed: ${label}`);
    setConfirming(false);
    await done();
  }
  async function saveWorkplaces(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const r = await grant({ input: { localId: local.id, userId, role: 'STEWARD', workplaceIds: chosen } });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`Workplaces saved.`);
    setEditing(false);
    await done();
  }

  return (
    <article className="card">
      <strong>{label}</strong>
      {role.role === 'STEWARD' && (
        <p className="muted">
          {role.workplaceIds.length ? (
            <Trans>Workplaces: {role.workplaceIds.map((w) => names.get(w) ?? '…').join(', ')}</Trans>
          ) : (
            <Trans>No workplaces yet: this steward sees no members.</Trans>
          )}
        </p>
      )}
      {role.role === 'STEWARD' &&
        (editing ? (
          <form onSubmit={(e) => void saveWorkplaces(e)}>
            <WorkplaceChoices
              workplaces={workplaces}
              chosen={chosen}
              setChosen={setChosen}
              legend={t`This steward's workplaces`}
            />
            <div className="steps">
              <button type="button" onClick={() => setEditing(false)}>
                <Trans>Cancel</Trans>
              </button>
              <button type="submit" className="primary" disabled={granting.fetching}>
                <Trans>Save workplaces</Trans>
              </button>
            </div>
          </form>
        ) : (
          <button type="button" onClick={() => setEditing(true)}>
            <Trans>Change workplaces</Trans>
          </button>
        ))}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t`Remove the role ${label}?`}>
          <p>
            <Trans>Remove the role “{label}”? They lose what it gives at once.</Trans>
          </p>
          <div className="steps">
            <button type="button" onClick={() => setConfirming(false)}>
              <Trans>Keep it</Trans>
            </button>
            <button
              type="button"
              className="danger"
              disabled={revoking.fetching}
              onClick={() => void remove()}
            >
              <Trans>Yes, remove the role</Trans>
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          <Trans>Remove role: {label}</Trans>
        </button>
      )}
      <ProblemText problem={problem} fields={{ workplaceIds: t`Choose workplaces of this local.` }} />
      {problem?.code === 'CONFLICT' && (
        <p className="notice">
          <Trans>This is the local&apos;s last local admin: give the role to someone else first.</Trans>
        </p>
      )}
    </article>
  );
}

function GrantRole({
  userId,
  held,
  workplaces,
  done,
}: {
  userId: string;
  held: Set<Role>;
  workplaces: Place[];
  done: () => Promise<void>;
}) {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useRoleLabels();
  const [role, setRole] = useState<Role | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [granting, grant] = useMutation(Grant);
  const [problem, setProblem] = useState<Problem | null>(null);
  const offered = ROLES.filter((r) => !held.has(r));
  if (!offered.length) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!role) return;
    setProblem(null);
    const r = await grant({
      input: { localId: local.id, userId, role, workplaceIds: role === 'STEWARD' ? chosen : null },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    flash(t`Role given: ${labels[role]}`);
    setRole(null);
    setChosen([]);
    await done();
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="card">
      <RoleChoices
        legend={<Trans>Give a role</Trans>}
        offered={offered}
        role={role}
        setRole={setRole}
        workplaces={workplaces}
        chosen={chosen}
        setChosen={setChosen}
      />
      <ProblemText problem={problem} fields={{ workplaceIds: t`Choose workplaces of this local.` }} />
      <button type="submit" className="primary" disabled={!role || granting.fetching}>
        {role ? <Trans>Give the role: {labels[role]}</Trans> : <Trans>Choose a role</Trans>}
      </button>
    </form>
  );
}

/** A lost or seized phone: every session of this person ends, after a confirmation. */
function EndTheirSessions({ userId, name }: { userId: string; name: string }) {
  const { t } = useLingui();
  const local = useLocal();
  const [confirming, setConfirming] = useState(false);
  const [ending, end] = useMutation(EndSessions);
  const [ended, setEnded] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function confirm() {
    setProblem(null);
    const r = await end({ localId: local.id, userId });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    setEnded(r.data!.endUserSessions);
    setConfirming(false);
  }

  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">
        <Trans>A lost or seized phone</Trans>
      </h2>
      <p>
        <Trans>
          Sign {name} out everywhere: every phone and computer where they are signed in must sign in again
          with the password.
        </Trans>
      </p>
      {ended !== null && (
        <p className="flash" role="status">
          <Plural
            value={ended}
            one="Signed out everywhere: # session ended."
            other="Signed out everywhere: # sessions ended."
          />
        </p>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t`End every session of ${name}?`}>
          <p>
            <Trans>End every session of {name} now?</Trans>
          </p>
          <div className="steps">
            <button type="button" onClick={() => setConfirming(false)}>
              <Trans>Cancel</Trans>
            </button>
            <button
              type="button"
              className="danger"
              disabled={ending.fetching}
              onClick={() => void confirm()}
            >
              <Trans>Yes, sign them out everywhere</Trans>
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          <Trans>End their sessions</Trans>
        </button>
      )}
      <ProblemText problem={problem} />
    </section>
  );
}

const CreateInvitation = graphql(`
  mutation PeopleInvite($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      id
      email
      role
      expiresAt
      token
    }
  }
`);

/** An invitation: the one-time code is shown once, to hand over in person, and kept nowhere. */
function Invite() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const labels = useRoleLabels();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('STEWARD');
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [made, setMade] = useState<{ email: string; role: Role; token: string; expiresAt: string } | null>(
    null,
  );
  const [inviting, invite] = useMutation(CreateInvitation);
  const [{ data: places }] = useQuery({ query: WorkplacesQuery, variables: { localId: local.id } });
  const back = (
    <Link to="/people" className="back">
      <Trans>← People</Trans>
    </Link>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const r = await invite({
      input: {
        localId: local.id,
        email: email.trim(),
        role,
        workplaceIds: role === 'STEWARD' ? chosen : null,
      },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const i = r.data!.createInvitation;
    setMade({ email: i.email, role: i.role, token: i.token ?? '', expiresAt: i.expiresAt });
    setEmail('');
    setChosen([]);
  }

  if (made)
    return (
      <Screen title={t`Invitation ready`} back={back}>
        <p>
          <Trans>
            The invitation for {made.email} ({labels[made.role]}) is ready. Hand this code over in person, on
            paper or read aloud: never by text or email. It is shown only this once, works once, and expires{' '}
            {f.date(made.expiresAt)}.
          </Trans>
        </p>
        <p className="token" aria-label={t`One-time code`}>
          <code>{made.token}</code>
        </p>
        <button type="button" className="primary" onClick={() => setMade(null)}>
          <Trans>Done: hide the code</Trans>
        </button>
      </Screen>
    );

  return (
    <Screen title={t`Invite someone`} back={back}>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          <Trans>Their email</Trans>
          <input
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <RoleChoices
          legend={<Trans>Role</Trans>}
          offered={ROLES}
          role={role}
          setRole={setRole}
          workplaces={places?.workplaces.nodes ?? []}
          chosen={chosen}
          setChosen={setChosen}
        />
        <ProblemText
          problem={problem}
          fields={{
            email: t`Write a valid email address.`,
            workplaceIds: t`Choose workplaces of this local.`,
          }}
        />
        <button type="submit" className="primary" disabled={inviting.fetching}>
          <Trans>Create the invitation</Trans>
        </button>
      </form>
    </Screen>
  );
}
