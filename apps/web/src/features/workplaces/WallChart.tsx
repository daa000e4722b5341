import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { memo, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAssessmentLabels } from '../../ui/assessment';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { useKindWords } from './labels';
import { majorityOf, managesWorkplaces } from './manage';
import { useCovered, useSigned, useTrained, useWallMembers, WallMember } from './wallData';

/** The workplace itself: for its wall chart, and for the form that edits it. */
export const WallWorkplace = graphql(`
  query WallChartWorkplace($id: ID!) {
    workplace(id: $id) {
      id
      name
      kind
      employer
      address
      headcount
      archivedAt
      units {
        id
        name
      }
    }
  }
`);

const WallPetitions = graphql(`
  query WallChartPetitions($localId: ID!) {
    petitions(localId: $localId, status: OPEN, first: 100) {
      nodes {
        id
        title
        workplace {
          id
        }
      }
    }
  }
`);

const DAY = 86_400_000;
const NO_UNIT = '';

/** The wall chart: every member of a workplace by unit, their assessment, and who signed. */
export function WallChart() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const words = useKindWords();
  const { id = '' } = useParams();
  const manages = managesWorkplaces(local.roles);
  const [{ data, error, fetching }] = useQuery({
    query: WallWorkplace,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: open }] = useQuery({ query: WallPetitions, variables: { localId: local.id } });
  const wall = useWallMembers(local.id, id);

  const petitions = (open?.petitions.nodes ?? []).filter((p) => !p.workplace || p.workplace.id === id);
  const [chosen, setChosen] = useState<string | null>(null);
  // The workplace's newest open petition by default; "none" is a choice too.
  const petitionId = chosen ?? petitions.find((p) => p.workplace?.id === id)?.id ?? petitions[0]?.id ?? '';
  const signed = useSigned(petitionId);

  const [days, setDays] = useState('');
  const [untrained, setUntrained] = useState(false);
  const [uncovered, setUncovered] = useState(false);
  const trained = useTrained(untrained, local.id);
  const covered = useCovered(uncovered, local.id, id);

  const w = data?.workplace;
  const back = (
    <Link to="/workplaces" className="back">
      <Trans>← Workplaces</Trans>
    </Link>
  );
  if (!w)
    return (
      <Screen title={t`Wall chart`} back={back}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
        {data && (
          <p role="alert" className="problem">
            <Trans>You don&apos;t have access to this.</Trans>
          </p>
        )}
      </Screen>
    );

  const since = days ? Date.now() - Number(days) * DAY : null;
  const shows = (m: WallMember) =>
    (since === null || !m.lastContactAt || new Date(m.lastContactAt).getTime() < since) &&
    (!untrained || !trained.value || !trained.value.has(m.id)) &&
    (!uncovered || !covered.value || !covered.value.has(m.id));
  const filtering = !!days || (untrained && !!trained.value) || (uncovered && !!covered.value);

  const supporters = wall.members.filter((m) => m.supportLevel === 1 || m.supportLevel === 2).length;
  const signedHere = signed.value ? wall.members.filter((m) => signed.value!.has(m.id)).length : 0;
  const shown = filtering ? wall.members.filter(shows).length : wall.members.length;

  return (
    <Screen title={w.name} back={back}>
      <p className="muted">
        {words.kind[w.kind]}
        {w.employer && (
          <>
            {' · '}
            {words.employer[w.kind]}: {w.employer}
          </>
        )}
        {w.address && <> · {w.address}</>}
      </p>
      {w.archivedAt && (
        <p className="notice">
          <Trans>This workplace is archived.</Trans>
        </p>
      )}
      {manages && (
        <p className="wp-actions">
          <Link to={`/workplaces/${w.id}/edit`} className="button">
            <Trans>Edit workplace</Trans>
          </Link>
          <Link to="/petitions/new" className="button">
            <Trans>New petition</Trans>
          </Link>
        </p>
      )}

      <Majority headcount={w.headcount ?? null} supporters={supporters} loading={!wall.done} />

      <section className="wp-controls" aria-labelledby="wp-show">
        <h2 id="wp-show">
          <Trans>Show</Trans>
        </h2>
        {petitions.length > 0 && (
          <>
            <label htmlFor="wp-petition">
              <Trans>Signatures of the petition</Trans>
            </label>
            <select id="wp-petition" value={petitionId} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t`No petition`}</option>
              {petitions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.workplace ? p.title : t`${p.title} (whole local)`}
                </option>
              ))}
            </select>
            {petitionId && signed.value && wall.done && (
              <p className="muted">
                <Plural
                  value={signedHere}
                  one="# member here signed: marked ✓."
                  other="# members here signed: marked ✓."
                />
              </p>
            )}
            {petitionId && !signed.value && !signed.error && <Loading />}
            <ProblemText problem={problemOf(signed.error ?? undefined)} />
          </>
        )}
        <label htmlFor="wp-days">
          <Trans>Not contacted in</Trans>
        </label>
        <select id="wp-days" value={days} onChange={(e) => setDays(e.target.value)}>
          <option value="">{t`Any time`}</option>
          {[7, 14, 30, 60, 90].map((n) => (
            <option key={n} value={n}>
              {t`${f.number(n)} days`}
            </option>
          ))}
        </select>
        <label className="wp-check">
          <input type="checkbox" checked={untrained} onChange={(e) => setUntrained(e.target.checked)} />
          <Trans>Not trained: no know-your-rights training in the last year</Trans>
        </label>
        {untrained && !trained.value && !trained.error && <Loading />}
        <ProblemText problem={problemOf(trained.error ?? undefined)} />
        <label className="wp-check">
          <input type="checkbox" checked={uncovered} onChange={(e) => setUncovered(e.target.checked)} />
          <Trans>No committee contact</Trans>
        </label>
        {uncovered && !covered.value && !covered.error && <Loading />}
        <ProblemText problem={problemOf(covered.error ?? undefined)} />
      </section>

      <Legend />

      <ProblemText problem={problemOf(wall.error ?? undefined)} />
      <p role="status" className="wp-shown">
        {!wall.done ? (
          <Trans>
            Loading members: {f.number(wall.members.length)} of {f.number(wall.total ?? 0)}
          </Trans>
        ) : filtering ? (
          <Trans>
            Showing {f.number(shown)} of {f.number(wall.members.length)} members
          </Trans>
        ) : (
          <Plural value={wall.members.length} one="# member" other="# members" />
        )}
      </p>
      <Rows
        units={w.units}
        members={wall.members}
        shows={filtering ? shows : null}
        signed={petitionId ? signed.value : null}
      />
    </Screen>
  );
}

/** The majority of the headcount, and where the 1s and 2s stand against it: in words, and as a bar. */
function Majority({
  headcount,
  supporters,
  loading,
}: {
  headcount: number | null;
  supporters: number;
  loading: boolean;
}) {
  const f = useFormat();
  if (headcount === null)
    return (
      <p className="notice">
        <Trans>No headcount yet: add it to see the majority.</Trans>
      </p>
    );
  const majority = majorityOf(headcount);
  const need = Math.max(majority - supporters, 0);
  const of = f.number(headcount);
  const m = f.number(majority);
  const now = f.number(supporters);
  const short = f.number(need);
  const pct = (n: number) => `${Math.min(100, (n / Math.max(headcount, 1)) * 100)}%`;
  return (
    <section className="wp-majority" aria-labelledby="wp-majority">
      <h2 id="wp-majority">
        <Trans>
          Majority: {m} of {of}
        </Trans>
      </h2>
      {!loading && (
        <p>
          {need > 0 ? (
            <Trans>
              At 1–2 now: {now}. {short} more needed for a majority.
            </Trans>
          ) : (
            <Trans>At 1–2 now: {now}. That is a majority.</Trans>
          )}
        </p>
      )}
      <div className="wp-bar" aria-hidden="true">
        <div className="wp-bar-fill" style={{ width: pct(supporters) }} />
        <div className="wp-bar-line" style={{ left: pct(majority) }} />
      </div>
    </section>
  );
}

function Legend() {
  const labels = useAssessmentLabels();
  return (
    <details className="wp-legend">
      <summary>
        <Trans>How to read the chart</Trans>
      </summary>
      <p>
        <Trans>Each square is a member: their first name and support level. ✓ means they signed.</Trans>
      </p>
      <ul className="wp-cells">
        {[1, 2, 3, 4, 5].map((l) => (
          <li key={l} className={`wp-cell wp-l${l}`}>
            <span className="wp-level">{l}</span> {labels[l]}
          </li>
        ))}
        <li className="wp-cell wp-l0">
          <span className="wp-level">–</span> <Trans>Not assessed</Trans>
        </li>
      </ul>
    </details>
  );
}

/** One row per unit, and one for members with no unit; each member a cell linking to their page. */
const Rows = memo(function Rows({
  units,
  members,
  shows,
  signed,
}: {
  units: { id: string; name: string }[];
  members: WallMember[];
  shows: ((m: WallMember) => boolean) | null;
  signed: Set<string> | null;
}) {
  const { t } = useLingui();
  const f = useFormat();
  const labels = useAssessmentLabels();
  // Said once for all cells, not once per cell.
  const said = useMemo(
    () => ({
      levels: [t`Not assessed`, ...[1, 2, 3, 4, 5].map((l) => `${l} · ${labels[l]}`)],
      signed: t`signed`,
    }),
    [t, labels],
  );
  const byUnit = useMemo(() => {
    const known = new Set(units.map((u) => u.id));
    const rows = new Map<string, WallMember[]>([
      ...units.map((u) => [u.id, []] as [string, WallMember[]]),
      [NO_UNIT, []],
    ]);
    for (const m of members) rows.get(m.unit && known.has(m.unit.id) ? m.unit.id : NO_UNIT)!.push(m);
    return rows;
  }, [units, members]);
  const rows = [...units, ...(byUnit.get(NO_UNIT)!.length ? [{ id: NO_UNIT, name: t`No unit` }] : [])];
  return (
    <div className="wp-rows">
      <h2>
        <Trans>By unit</Trans>
      </h2>
      {rows.map((u) => {
        const all = byUnit.get(u.id)!;
        const here = shows ? all.filter(shows) : all;
        const strong = f.number(all.filter((m) => m.supportLevel === 1 || m.supportLevel === 2).length);
        return (
          <section key={u.id || 'none'} className="wp-row" aria-labelledby={`wp-row-${u.id || 'none'}`}>
            <h3 id={`wp-row-${u.id || 'none'}`}>
              {u.name}{' '}
              <span className="muted wp-row-count">
                <Plural
                  value={all.length}
                  one={`# member, ${strong} at 1–2`}
                  other={`# members, ${strong} at 1–2`}
                />
              </span>
            </h3>
            {here.length === 0 ? (
              <p className="muted">
                {all.length === 0 ? <Trans>No members here yet.</Trans> : <Trans>Nobody here matches.</Trans>}
              </p>
            ) : (
              <ul className="wp-cells">
                {here.map((m) => {
                  const level = m.supportLevel ?? 0;
                  const did = !!signed?.has(m.id);
                  return (
                    <li key={m.id}>
                      <Link to={`/members/${m.id}`} className={`wp-cell wp-l${level}${did ? ' wp-did' : ''}`}>
                        <span className="wp-name">{m.preferredName || m.firstName}</span>
                        <span className="wp-level" aria-hidden="true">
                          {level || '–'}
                          {did && ' ✓'}
                        </span>
                        <span className="visually-hidden">
                          , {said.levels[level]}
                          {did && `, ${said.signed}`}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
});
