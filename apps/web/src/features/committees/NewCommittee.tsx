import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CommitteeKind } from '../../gql/graphql';
import { flash, Screen, useLocal } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { COMMITTEE_KINDS, useCommitteeKindLabels } from './labels';

const Workplaces = graphql(`
  query CommitteesWorkplaces($localId: ID!) {
    workplaces(localId: $localId, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const Create = graphql(`
  mutation CommitteesCreate($input: CommitteeInput!) {
    createCommittee(input: $input) {
      id
      name
    }
  }
`);

/** Builds a committee: its kind, its name, and its workplace or the whole local. */
export function NewCommittee() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const kinds = useCommitteeKindLabels();
  const id = useId();
  const [places] = useQuery({ query: Workplaces, variables: { localId: local.id } });
  const [creating, create] = useMutation(Create);
  const [kind, setKind] = useState<CommitteeKind>('ORGANIZING_COMMITTEE');
  const [name, setName] = useState('');
  const [workplaceId, setWorkplaceId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const fields = {
    name: t`Give the committee a name of at most 200 characters.`,
    workplaceId: t`Choose a workplace of this local, or the whole local.`,
  };
  async function submit() {
    setProblem(null);
    const r = await create({
      input: { localId: local.id, kind, name: name.trim(), workplaceId: workplaceId || null },
    });
    const failed = problemOf(r.error);
    if (failed) return setProblem(failed);
    const made = r.data!.createCommittee.name;
    flash(t`Built: ${made}. Now seat its members.`);
    navigate(`/committees/${r.data!.createCommittee.id}`);
  }
  return (
    <Screen
      title={t`Build a committee`}
      back={
        <Link to="/committees" className="back">
          <Trans>← Committees</Trans>
        </Link>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="big-choices kinds">
          <legend>
            <Trans>Kind</Trans>
          </legend>
          {COMMITTEE_KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {kinds[k]}
            </button>
          ))}
        </fieldset>
        <label htmlFor={`${id}-name`}>
          <Trans>Name</Trans>
        </label>
        <input
          id={`${id}-name`}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={
            problem?.field === 'name' || problem?.code === 'CONFLICT' ? `${id}-name-error` : undefined
          }
        />
        {problem?.code === 'CONFLICT' ? (
          <p role="alert" className="problem" id={`${id}-name-error`}>
            <Trans>The local already has a committee by this name. Choose another.</Trans>
          </p>
        ) : (
          problem?.field === 'name' && (
            <ProblemText id={`${id}-name-error`} problem={problem} fields={fields} />
          )
        )}
        <label htmlFor={`${id}-workplace`}>
          <Trans>Workplace</Trans>
        </label>
        <select id={`${id}-workplace`} value={workplaceId} onChange={(e) => setWorkplaceId(e.target.value)}>
          <option value="">{t`The whole local, or a neighborhood`}</option>
          {(places.data?.workplaces.nodes ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        {problem && problem.code !== 'CONFLICT' && problem.field !== 'name' && (
          <ProblemText problem={problem} fields={fields} />
        )}
        <button type="submit" className="primary" disabled={creating.fetching}>
          <Trans>Build the committee</Trans>
        </button>
      </form>
    </Screen>
  );
}
