import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DeskRespondersQuery, ResponderSkill } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { problemOf, ProblemText } from '../../ui/problems';
import { MemberPicker } from '../members/MemberPicker';
import { submitting, useAct } from './act';
import { DeskPlaces, SKILLS, useDeskLabels } from './labels';

const RespondersQuery = graphql(`
  query DeskResponders($localId: ID!) {
    responders(localId: $localId, first: 50) {
      totalCount
      nodes {
        id
        available
        skills
        member {
          id
          firstName
          lastName
          preferredName
        }
        workplaces {
          id
          name
        }
      }
    }
  }
`);

const SetResponder = graphql(`
  mutation DeskSetResponder($input: ResponderInput!) {
    setResponder(input: $input) {
      id
      available
      skills
    }
  }
`);

const RemoveResponder = graphql(`
  mutation DeskRemoveResponder($memberId: ID!) {
    removeResponder(memberId: $memberId)
  }
`);

/** A removal answers a Boolean: the list is asked for again, so the cache must know it holds responders. */
const HOLDS = { additionalTypenames: ['Responder'] };

type Responder = DeskRespondersQuery['responders']['nodes'][number];

const nameOf = (m: Responder['member']): string => `${m.preferredName || m.firstName} ${m.lastName}`;

/** The responder roster: who goes to check, observe, drive, interpret or accompany. */
export function Responders() {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useDeskLabels();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RespondersQuery,
    variables: { localId: local.id },
    requestPolicy: 'cache-and-network',
    context: HOLDS,
  });
  const remove = useAct(RemoveResponder);
  /** The one form open: a new responder, or the responder (by id) whose details are changed. */
  const [open, setOpen] = useState<'new' | string | null>(null);
  const done = () => {
    setOpen(null);
    refetch({ requestPolicy: 'network-only' });
  };

  async function drop(memberId: string, name: string) {
    if (!(await remove.run({ memberId }))) return;
    flash(t`${name} is no longer a responder.`);
    refetch({ requestPolicy: 'network-only' });
  }

  const responders = data?.responders.nodes ?? [];
  return (
    <Screen
      title={t`Responders`}
      back={
        <Link to="/desk" className="back">
          <Trans>All incidents</Trans>
        </Link>
      }
    >
      <p className="muted">
        <Trans>
          Members who volunteered for the rapid-response network. Being on this list is their consent to
          responder alerts.
        </Trans>
      </p>
      <ProblemText problem={problemOf(error) ?? remove.problem} />
      {fetching && !data && <Loading />}
      {open === null && (
        <button type="button" className="primary" onClick={() => setOpen('new')}>
          <Trans>Add a responder</Trans>
        </button>
      )}
      {open === 'new' && <ResponderForm done={done} />}
      {data && responders.length === 0 && (
        <p className="muted">
          <Trans>No responders yet.</Trans>
        </p>
      )}
      <ul className="cards responders">
        {responders.map((r) => {
          const name = nameOf(r.member);
          return (
            <li key={r.id}>
              {open === r.id ? (
                <ResponderForm responder={r} done={done} />
              ) : (
                <article className="card">
                  <strong>{name}</strong>
                  <span>{r.available ? <Trans>Available</Trans> : <Trans>Not available now</Trans>}</span>
                  {r.skills.length > 0 && <span>{r.skills.map((s) => labels.skill[s]).join(' · ')}</span>}
                  <span className="muted">
                    {r.workplaces.length > 0 ? (
                      r.workplaces.map((w) => w.name).join(' · ')
                    ) : (
                      <Trans>No workplace: alerted for incidents away from a workplace</Trans>
                    )}
                  </span>
                  <div className="desk-actions">
                    <button
                      type="button"
                      disabled={open !== null}
                      onClick={() => setOpen(r.id)}
                      aria-label={t`Edit ${name}`}
                    >
                      <Trans>Edit</Trans>
                    </button>
                    <button
                      type="button"
                      disabled={remove.busy}
                      onClick={() => void drop(r.member.id, name)}
                      aria-label={t`Remove ${name} from the responders`}
                    >
                      <Trans>Remove</Trans>
                    </button>
                  </div>
                </article>
              )}
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}

/**
 * A new responder (pick a member, then what they do and where), or a responder's details changed:
 * their skills, the workplaces they cover, and whether they are available (a pause, without
 * leaving the network). Their name, phone and language are the member's own, on the member's page.
 */
function ResponderForm({ responder, done }: { responder?: Responder; done: () => void }) {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useDeskLabels();
  const ids = useId();
  const [member, setMember] = useState<{ id: string; name: string } | null>(
    responder ? { id: responder.member.id, name: nameOf(responder.member) } : null,
  );
  const [skills, setSkills] = useState<ResponderSkill[]>(responder?.skills ?? []);
  const [workplaceIds, setWorkplaceIds] = useState<string[]>(responder?.workplaces.map((w) => w.id) ?? []);
  const [available, setAvailable] = useState(responder?.available ?? true);
  const [{ data }] = useQuery({ query: DeskPlaces, variables: { localId: local.id } });
  const save = useAct(SetResponder);
  const fields = {
    memberId: t`You don't have access to this member.`,
    workplaceIds: t`Choose at most 50 workplaces of this local.`,
  };

  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

  async function submit() {
    if (!member) return;
    if (!(await save.run({ input: { memberId: member.id, skills, workplaceIds, available } }))) return;
    flash(responder ? t`Saved: ${member.name}'s responder details.` : t`${member.name} is a responder.`);
    done();
  }

  const cancel = (
    <button type="button" onClick={done}>
      <Trans>Cancel</Trans>
    </button>
  );
  return (
    <section aria-labelledby={`${ids}-title`} className="card desk-form">
      <h2 id={`${ids}-title`}>{responder ? member?.name : <Trans>Add a responder</Trans>}</h2>
      {!member ? (
        <>
          <MemberPicker localId={local.id} onPick={setMember} />
          {cancel}
        </>
      ) : (
        <form onSubmit={submitting(submit)}>
          {responder ? (
            <Link to={`/members/${member.id}`} className="more">
              <Trans>Their name, phone and language: on their member page</Trans>
            </Link>
          ) : (
            <p>
              <strong>{member.name}</strong>{' '}
              <button type="button" className="link" onClick={() => setMember(null)}>
                <Trans>Choose someone else</Trans>
              </button>
            </p>
          )}
          <fieldset>
            <legend>
              <Trans>What they do</Trans>
            </legend>
            <div className="chips">
              {SKILLS.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="chip"
                  aria-pressed={skills.includes(s)}
                  onClick={() => setSkills((l) => toggle(l, s))}
                >
                  {labels.skill[s]}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>
              <Trans>Workplaces they cover</Trans>
            </legend>
            <p className="muted">
              <Trans>
                With none chosen, they are alerted only for incidents away from a workplace (a road, a
                corner).
              </Trans>
            </p>
            <div className="chips">
              {(data?.workplaces.nodes ?? []).map((w) => (
                <button
                  key={w.id}
                  type="button"
                  className="chip"
                  aria-pressed={workplaceIds.includes(w.id)}
                  onClick={() => setWorkplaceIds((l) => toggle(l, w.id))}
                >
                  {w.name}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="check">
            <input
              id={`${ids}-available`}
              type="checkbox"
              checked={available}
              onChange={(e) => setAvailable(e.target.checked)}
              aria-describedby={`${ids}-available-hint`}
            />
            <label htmlFor={`${ids}-available`}>
              <Trans>Available now</Trans>
            </label>
          </div>
          <p id={`${ids}-available-hint`} className="muted">
            <Trans>Untick to pause their responder alerts; they stay on the list.</Trans>
          </p>
          <ProblemText problem={save.problem} fields={fields} />
          <div className="desk-actions">
            <button type="submit" className="primary" disabled={save.busy}>
              <Trans>Save</Trans>
            </button>
            {cancel}
          </div>
        </form>
      )}
    </section>
  );
}
