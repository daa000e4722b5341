import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ResponderSkill } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { MemberPicker } from '../members/MemberPicker';
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
  const [removing, remove] = useMutation(RemoveResponder);
  const [adding, setAdding] = useState(false);

  async function drop(memberId: string, name: string) {
    const r = await remove({ memberId });
    if (!r.error) {
      flash(t`${name} is no longer a responder.`);
      refetch({ requestPolicy: 'network-only' });
    }
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
      <ProblemText problem={problemOf(error) ?? problemOf(removing.error)} />
      {fetching && !data && <Loading />}
      {!adding && (
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          <Trans>Add a responder</Trans>
        </button>
      )}
      {adding && (
        <AddResponder
          done={() => {
            setAdding(false);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {data && responders.length === 0 && (
        <p className="muted">
          <Trans>No responders yet.</Trans>
        </p>
      )}
      <ul className="cards responders">
        {responders.map((r) => {
          const name = `${r.member.preferredName || r.member.firstName} ${r.member.lastName}`;
          return (
            <li key={r.id}>
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
                <button
                  type="button"
                  disabled={removing.fetching}
                  onClick={() => void drop(r.member.id, name)}
                  aria-label={t`Remove ${name} from the responders`}
                >
                  <Trans>Remove</Trans>
                </button>
              </article>
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}

/** Pick a member, then what they do and where. */
function AddResponder({ done }: { done: () => void }) {
  const { t } = useLingui();
  const local = useLocal();
  const labels = useDeskLabels();
  const ids = useId();
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [skills, setSkills] = useState<ResponderSkill[]>([]);
  const [workplaceIds, setWorkplaceIds] = useState<string[]>([]);
  const [available, setAvailable] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [{ data }] = useQuery({ query: DeskPlaces, variables: { localId: local.id } });
  const [saving, save] = useMutation(SetResponder);
  const fields = {
    memberId: t`You don't have access to this member.`,
    workplaceIds: t`Choose at most 50 workplaces of this local.`,
  };

  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

  async function submit() {
    if (!member) return;
    setProblem(null);
    const r = await save({ input: { memberId: member.id, skills, workplaceIds, available } });
    const p = problemOf(r.error);
    if (p) return setProblem(p);
    flash(t`${member.name} is a responder.`);
    done();
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card desk-form">
      <h2 id={`${ids}-title`}>
        <Trans>Add a responder</Trans>
      </h2>
      {!member ? (
        <MemberPicker localId={local.id} onPick={setMember} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p>
            <strong>{member.name}</strong>{' '}
            <button type="button" className="link" onClick={() => setMember(null)}>
              <Trans>Choose someone else</Trans>
            </button>
          </p>
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
            />
            <label htmlFor={`${ids}-available`}>
              <Trans>Available now</Trans>
            </label>
          </div>
          <ProblemText problem={problem} fields={fields} />
          <div className="desk-actions">
            <button type="submit" className="primary" disabled={saving.fetching}>
              <Trans>Save</Trans>
            </button>
            <button type="button" onClick={done}>
              <Trans>Cancel</Trans>
            </button>
          </div>
        </form>
      )}
      {!member && (
        <button type="button" onClick={done}>
          <Trans>Cancel</Trans>
        </button>
      )}
    </section>
  );
}
