import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { WorkplaceKind } from '../../gql/graphql';
import { flash, Loading, Screen, useLocal } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';
import { useKindWords } from './labels';
import { managesWorkplaces } from './manage';
import { fieldProblems } from './shared';
import { WallWorkplace } from './WallChart';

const Create = graphql(`
  mutation WorkplacesCreate($input: WorkplaceInput!) {
    createWorkplace(input: $input) {
      id
    }
  }
`);

const Update = graphql(`
  mutation WorkplacesUpdate($id: ID!, $input: UpdateWorkplaceInput!) {
    updateWorkplace(id: $id, input: $input) {
      id
      name
      employer
      address
      headcount
      units {
        id
        name
      }
    }
  }
`);

const Archive = graphql(`
  mutation WorkplacesArchive($id: ID!) {
    archiveWorkplace(id: $id) {
      id
      archivedAt
    }
  }
`);

interface Fields {
  name: string;
  kind: WorkplaceKind;
  employer: string;
  address: string;
  headcount: string;
  /** Units in order; `was` is the saved name, so the form can say which ones are renamed. */
  units: { key: number; name: string; was?: string }[];
}

const EMPTY: Fields = { name: '', kind: 'WORKSITE', employer: '', address: '', headcount: '', units: [] };

export function NewWorkplace() {
  const { t } = useLingui();
  const local = useLocal();
  const navigate = useNavigate();
  const [saving, create] = useMutation(Create);
  const back = (
    <Link to="/workplaces" className="back">
      <Trans>← Workplaces</Trans>
    </Link>
  );
  if (!managesWorkplaces(local.roles)) return <NoAccess title={t`New workplace`} back={back} />;
  return (
    <Screen title={t`New workplace`} back={back}>
      <WorkplaceFields
        initial={EMPTY}
        isNew
        busy={saving.fetching}
        save={async (f) => {
          const r = await create({ input: { localId: local.id, kind: f.kind, ...details(f) } });
          if (r.error) return problemOf(r.error);
          flash(t`Workplace saved.`);
          navigate(`/workplaces/${r.data!.createWorkplace.id}`);
          return null;
        }}
      />
    </Screen>
  );
}

export function EditWorkplace() {
  const { t } = useLingui();
  const local = useLocal();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, error, fetching }] = useQuery({ query: WallWorkplace, variables: { id } });
  const [saving, update] = useMutation(Update);
  const w = data?.workplace;
  const back = (
    <Link to={`/workplaces/${id}`} className="back">
      <Trans>← Wall chart</Trans>
    </Link>
  );
  if (!managesWorkplaces(local.roles)) return <NoAccess title={t`Edit workplace`} back={back} />;
  if (!w)
    return (
      <Screen title={t`Edit workplace`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && <NoAccessText />}
      </Screen>
    );
  let key = 0;
  const initial: Fields = {
    name: w.name,
    kind: w.kind,
    employer: w.employer ?? '',
    address: w.address ?? '',
    headcount: w.headcount === null || w.headcount === undefined ? '' : String(w.headcount),
    units: w.units.map((u) => ({ key: key++, name: u.name, was: u.name })),
  };
  return (
    <Screen title={t`Edit workplace`} back={back}>
      <WorkplaceFields
        key={w.id}
        initial={initial}
        busy={saving.fetching}
        save={async (f) => {
          const r = await update({ id: w.id, input: details(f) });
          if (r.error) return problemOf(r.error);
          flash(t`Workplace saved.`);
          navigate(`/workplaces/${w.id}`);
          return null;
        }}
      />
      {!w.archivedAt && <ArchiveWorkplace id={w.id} name={w.name} />}
    </Screen>
  );
}

/** What create and update share; empty text clears a field. */
function details(f: Fields) {
  const text = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: f.name.trim(),
    employer: text(f.employer),
    address: text(f.address),
    headcount: f.headcount.trim() === '' ? null : Number(f.headcount),
    units: f.units.map((u) => u.name.trim()),
  };
}

function NoAccessText() {
  return (
    <p role="alert" className="problem">
      <Trans>You don&apos;t have access to this.</Trans>
    </p>
  );
}

function NoAccess({ title, back }: { title: string; back: React.ReactNode }) {
  return (
    <Screen title={title} back={back}>
      <NoAccessText />
    </Screen>
  );
}

function WorkplaceFields({
  initial,
  isNew = false,
  busy,
  save,
}: {
  initial: Fields;
  isNew?: boolean;
  busy: boolean;
  save: (f: Fields) => Promise<Problem | null>;
}) {
  const { t } = useLingui();
  const words = useKindWords();
  const [f, setF] = useState<Fields>(initial);
  const [newUnit, setNewUnit] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const nextKey = useRef(initial.units.length);
  const set = (k: 'name' | 'employer' | 'address' | 'headcount') => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  const fields = {
    name: t`Give the workplace a name (at most 200 characters).`,
    employer: t`The employer or landlord can be at most 200 characters.`,
    address: t`The address can be at most 500 characters.`,
    headcount: t`The headcount must be a whole number from 0 to 1,000,000.`,
    units: t`Check the units: each needs a name of 1 to 100 characters, no name twice, and a unit that still has members cannot be removed or renamed.`,
  };
  const { show: fieldProblem, describe: described, other } = fieldProblems(problem, fields, 'wp');

  function addUnit() {
    const name = newUnit.trim();
    if (!name) return;
    setF((x) => ({ ...x, units: [...x.units, { key: nextKey.current++, name }] }));
    setNewUnit('');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setProblem(await save(f));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="wp-name">
        <Trans>Name</Trans>
      </label>
      <input
        id="wp-name"
        value={f.name}
        onChange={set('name')}
        required
        maxLength={200}
        {...described('name')}
      />
      {fieldProblem('name')}
      {isNew ? (
        <fieldset className="chips">
          <legend>
            <Trans>Kind</Trans>
          </legend>
          {(['WORKSITE', 'BUILDING'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="chip"
              aria-pressed={f.kind === k}
              onClick={() => setF((x) => ({ ...x, kind: k }))}
            >
              {words.kind[k]}
            </button>
          ))}
        </fieldset>
      ) : (
        <p>
          <Trans>Kind: {words.kind[f.kind]}</Trans>
        </p>
      )}
      <label htmlFor="wp-employer">{words.employer[f.kind]}</label>
      <input id="wp-employer" value={f.employer} onChange={set('employer')} {...described('employer')} />
      {fieldProblem('employer')}
      <label htmlFor="wp-address">
        <Trans>Address</Trans>
      </label>
      <input id="wp-address" value={f.address} onChange={set('address')} {...described('address')} />
      {fieldProblem('address')}
      <label htmlFor="wp-headcount">{words.headcount[f.kind]}</label>
      <input
        id="wp-headcount"
        type="number"
        inputMode="numeric"
        min={0}
        value={f.headcount}
        onChange={set('headcount')}
        {...described('headcount')}
      />
      <p className="muted wp-hint">
        <Trans>A petition&apos;s goal is a majority of this number.</Trans>
      </p>
      {fieldProblem('headcount')}
      <fieldset>
        <legend>
          <Trans>Units</Trans>
        </legend>
        <p className="muted wp-hint">
          <Trans>
            Departments and shifts, or floors and homes. A unit that still has members cannot be removed or
            renamed.
          </Trans>
        </p>
        <ul className="wp-units">
          {f.units.map((u, i) => (
            <li key={u.key}>
              <label htmlFor={`wp-unit-${u.key}`} className="visually-hidden">
                <Trans>Unit {i + 1}</Trans>
              </label>
              <input
                id={`wp-unit-${u.key}`}
                value={u.name}
                onChange={(e) =>
                  setF((x) => ({
                    ...x,
                    units: x.units.map((v) => (v.key === u.key ? { ...v, name: e.target.value } : v)),
                  }))
                }
              />
              <button
                type="button"
                onClick={() => setF((x) => ({ ...x, units: x.units.filter((v) => v.key !== u.key) }))}
              >
                <Trans>Remove {u.name}</Trans>
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="wp-new-unit">
          <Trans>New unit</Trans>
        </label>
        <div className="wp-add">
          <input
            id="wp-new-unit"
            value={newUnit}
            onChange={(e) => setNewUnit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addUnit();
              }
            }}
          />
          <button type="button" onClick={addUnit}>
            <Trans>Add unit</Trans>
          </button>
        </div>
        {fieldProblem('units')}
      </fieldset>
      {other}
      <button type="submit" className="primary" disabled={busy}>
        <Trans>Save workplace</Trans>
      </button>
    </form>
  );
}

/** Archiving asks first, naming the workplace and what stays. */
function ArchiveWorkplace({ id, name }: { id: string; name: string }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [archiving, archive] = useMutation(Archive);
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <section className="wp-danger" aria-labelledby="wp-archive">
      <h2 id="wp-archive">
        <Trans>Archive</Trans>
      </h2>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          <Trans>Archive this workplace</Trans>
        </button>
      ) : (
        <div role="group" aria-labelledby="wp-archive-ask">
          <p id="wp-archive-ask">
            <Trans>
              Archive {name}? It leaves the list of workplaces. Its members, conversations and petitions are
              kept.
            </Trans>
          </p>
          <div className="steps">
            <button
              type="button"
              className="primary"
              disabled={archiving.fetching}
              onClick={() =>
                void archive({ id }).then((r) => {
                  if (r.error) return setProblem(problemOf(r.error));
                  flash(t`${name} is archived.`);
                  navigate('/workplaces');
                })
              }
            >
              <Trans>Yes, archive it</Trans>
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              <Trans>Cancel</Trans>
            </button>
          </div>
          <ProblemText problem={problem} />
        </div>
      )}
    </section>
  );
}
