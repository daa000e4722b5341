import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { flash, Screen, useLocal } from '../../../ui/chrome';
import { useFormat } from '../../../ui/format';
import { Problem, problemOf, ProblemText } from '../../../ui/problems';
import { fieldProblems } from '../../workplaces/shared';
import '../petitions.css';
import { managesPetitions } from './status';

const Workplaces = graphql(`
  query PetitionsWorkplaces($localId: ID!) {
    workplaces(localId: $localId, first: 100) {
      nodes {
        id
        name
        headcount
      }
    }
  }
`);

const Create = graphql(`
  mutation PetitionsCreate($input: PetitionInput!) {
    createPetition(input: $input) {
      id
    }
  }
`);

interface Fields {
  title: string;
  demand: string;
  target: string;
  workplaceId: string;
  goal: string;
  deadline: string;
}

const EMPTY: Fields = { title: '', demand: '', target: '', workplaceId: '', goal: '', deadline: '' };

/** A new petition, saved as a draft: title, demand, target, workplace or the whole local, goal, deadline. */
export default function NewPetition() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: Workplaces, variables: { localId: local.id } });
  const [saving, create] = useMutation(Create);
  const [v, setV] = useState<Fields>(EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const back = (
    <Link to="/petitions" className="back">
      <Trans>← Petitions</Trans>
    </Link>
  );
  if (!managesPetitions(local.roles))
    return (
      <Screen title={t`New petition`} back={back}>
        <p role="alert" className="problem">
          <Trans>You don&apos;t have access to this.</Trans>
        </p>
      </Screen>
    );

  const workplaces = data?.workplaces.nodes ?? [];
  const workplace = workplaces.find((w) => w.id === v.workplaceId);
  const headcount = workplace?.headcount ?? null;
  const set = (k: keyof Fields) => (e: { target: { value: string } }) =>
    setV((x) => ({ ...x, [k]: e.target.value }));
  const fields: Record<string, string> = {
    title: t`Give the petition a title (at most 200 characters).`,
    demand: t`Write the demand (at most 5,000 characters).`,
    target: t`Say whom the petition is addressed to (at most 300 characters).`,
    workplaceId: t`That workplace is not in this local.`,
    goal: v.workplaceId
      ? t`This workplace has no headcount: give the petition a goal of at least 1.`
      : t`A petition of the whole local needs a goal of at least 1.`,
    deadline: t`Check the deadline.`,
  };
  const { show: fieldProblem, describe: described, other } = fieldProblems(problem, fields, 'pt');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const r = await create({
      input: {
        localId: local.id,
        title: v.title.trim(),
        demand: v.demand.trim(),
        target: v.target.trim(),
        workplaceId: v.workplaceId || null,
        goal: v.goal.trim() ? Number(v.goal) : null,
        // The end of the chosen day, in the phone's time zone.
        deadline: v.deadline ? new Date(`${v.deadline}T23:59:00`).toISOString() : null,
      },
    });
    if (r.error) return setProblem(problemOf(r.error));
    flash(t`Petition saved as a draft. Open it to collect signatures.`);
    navigate(`/petitions/${r.data!.createPetition.id}`);
  }

  const majority = headcount ? f.number(Math.floor(headcount / 2) + 1) : null;
  const of = headcount ? f.number(headcount) : null;
  return (
    <Screen title={t`New petition`} back={back}>
      <ProblemText problem={problemOf(error)} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="pt-title">
          <Trans>Title</Trans>
        </label>
        <input
          id="pt-title"
          value={v.title}
          onChange={set('title')}
          maxLength={200}
          {...described('title')}
        />
        {fieldProblem('title')}
        <label htmlFor="pt-demand">
          <Trans>Demand</Trans>
        </label>
        <textarea
          id="pt-demand"
          rows={4}
          value={v.demand}
          onChange={set('demand')}
          {...described('demand')}
        />
        {fieldProblem('demand')}
        <label htmlFor="pt-target">
          <Trans>Addressed to</Trans>
        </label>
        <input id="pt-target" value={v.target} onChange={set('target')} {...described('target')} />
        {fieldProblem('target')}
        <label htmlFor="pt-workplace">
          <Trans>Workplace</Trans>
        </label>
        <select
          id="pt-workplace"
          value={v.workplaceId}
          onChange={set('workplaceId')}
          {...described('workplaceId')}
        >
          <option value="">{t`The whole local`}</option>
          {workplaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        {fieldProblem('workplaceId')}
        <label htmlFor="pt-goal">
          <Trans>Goal: signatures needed</Trans>
        </label>
        <input
          id="pt-goal"
          type="number"
          inputMode="numeric"
          min={1}
          value={v.goal}
          onChange={set('goal')}
          aria-describedby="pt-goal-hint"
          {...described('goal')}
        />
        <p className="muted pt-hint" id="pt-goal-hint">
          {majority ? (
            <Trans>
              Leave it empty for a majority of the headcount: {majority} of {of}.
            </Trans>
          ) : v.workplaceId ? (
            <Trans>This workplace has no headcount: give a goal.</Trans>
          ) : (
            <Trans>A petition of the whole local needs a goal.</Trans>
          )}
        </p>
        {fieldProblem('goal')}
        <label htmlFor="pt-deadline">
          <Trans>Deadline (optional)</Trans>
        </label>
        <input
          id="pt-deadline"
          type="date"
          value={v.deadline}
          onChange={set('deadline')}
          {...described('deadline')}
        />
        {fieldProblem('deadline')}
        {other}
        <button type="submit" className="primary" disabled={saving.fetching}>
          <Trans>Save as a draft</Trans>
        </button>
      </form>
    </Screen>
  );
}
