import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useAssessmentLabels } from '../../ui/assessment';
import { Loading, Screen, useLocal } from '../../ui/chrome';
import { useFormat } from '../../ui/format';
import { problemOf, ProblemText } from '../../ui/problems';
import { Bar, Bars, PetitionBars, ShareGauge, usePercent } from './Bars';
import { CoverageHistory } from './CoverageHistory';
import { STAGES, useStageLabels } from './labels';
import './board.css';

/**
 * Numbers only: this document, like every board document, selects no personal field (a test in
 * test/web/board.e2e-spec.ts reads it). Kept under the API's query cost: the workplaces list
 * counts 1,000 times what it selects.
 */
const DashboardQuery = graphql(`
  query BoardDashboard($localId: ID!) {
    localDashboard(localId: $localId) {
      memberCount
      coverage
      oneOnOnesLast30Days
      kyrTrainedCount
      membersBySupportLevel {
        level
        count
      }
      coverageHistory {
        weekEnding
        memberCount
        coveredCount
        share
      }
      workplaces {
        memberCount
        coverage
        kyrTrainedCount
        committeeCoverage
        workplace {
          id
          name
        }
      }
      openPetitions {
        id
        title
        goal
        signatureCount
      }
      campaigns {
        id
        stage
      }
    }
  }
`);

/** The board's summary: where the local stands, drawn as bars, numbers beside every one. */
export default function Dashboard() {
  const { t } = useLingui();
  const local = useLocal();
  const f = useFormat();
  const pct = usePercent();
  const levels = useAssessmentLabels();
  const stages = useStageLabels();
  const [{ data, error, fetching }] = useQuery({
    query: DashboardQuery,
    variables: { localId: local.id },
    requestPolicy: 'cache-and-network',
  });
  const d = data?.localDashboard;
  if (!d)
    return (
      <Screen title={t`Summary`}>
        {fetching && <Loading />}
        <ProblemText problem={problemOf(error)} />
      </Screen>
    );

  const members = d.memberCount;
  const countOf = (level: number | null) =>
    d.membersBySupportLevel.find((l) => (l.level ?? null) === level)?.count ?? 0;
  const levelBars: Bar[] = [1, 2, 3, 4, 5, null].map((level) => {
    const n = countOf(level);
    const label = level ? `${level} · ${levels[level]}` : t`Not assessed`;
    const count = f.number(n);
    const total = f.number(members);
    return {
      key: String(level),
      label,
      name: t`${label}: ${count} of ${total} members`,
      value: n,
      max: members,
      text: count,
      tone: level ? `level-${level}` : 'level-none',
    };
  });
  const ofText = (n: number, whole: number) => {
    const part = f.number(n);
    const all = f.number(whole);
    const share = pct(whole > 0 ? n / whole : 0);
    return t`${part} of ${all} · ${share}`;
  };
  const stageCounts = STAGES.map((s) => ({ stage: s, n: d.campaigns.filter((c) => c.stage === s).length }));
  const campaignMax = Math.max(1, ...stageCounts.map((s) => s.n));
  const coverageText = pct(d.coverage);

  return (
    <Screen title={t`Summary`}>
      <ProblemText problem={problemOf(error)} />
      <ul className="figures" aria-label={t`The local in numbers`}>
        <li>
          <strong>{f.number(members)}</strong>
          <Trans>members</Trans>
        </li>
        <li>
          <strong>{f.number(d.oneOnOnesLast30Days)}</strong>
          <Trans>one-on-ones in the last 30 days</Trans>
        </li>
        <li>
          <strong>{f.number(d.kyrTrainedCount)}</strong>
          <Trans>trained in “Know your rights” this year</Trans>
        </li>
      </ul>

      <section aria-labelledby="support">
        <h2 id="support">
          <Trans>Support assessments</Trans>
        </h2>
        <Bars label={t`Members by support level`} bars={levelBars} />
      </section>

      <section aria-labelledby="coverage">
        <h2 id="coverage">
          <Trans>Coverage</Trans>
        </h2>
        <p className="muted">
          <Trans>Members with a one-on-one in the last 90 days.</Trans>
        </p>
        <ShareGauge
          share={d.coverage}
          name={t`The whole local: ${coverageText} of members, the dashed line at half`}
          text={coverageText}
        />
        <Bars
          label={t`Coverage by workplace`}
          bars={d.workplaces.map((w) => ({
            key: w.workplace.id,
            label: w.workplace.name,
            name: t`${w.workplace.name}: ${pct(w.coverage)} of its members`,
            value: w.coverage,
            max: 1,
            text: pct(w.coverage),
          }))}
        />
      </section>

      <section aria-labelledby="coverage-history">
        <h2 id="coverage-history">
          <Trans>Coverage over time</Trans>
        </h2>
        <p className="muted">
          <Trans>Members with a one-on-one in the 30 days before each week’s end.</Trans>
        </p>
        <CoverageHistory weeks={d.coverageHistory} />
      </section>

      <section aria-labelledby="workplaces">
        <h2 id="workplaces">
          <Trans>Training and committees by workplace</Trans>
        </h2>
        {d.workplaces.length === 0 && (
          <p className="muted">
            <Trans>No workplaces yet.</Trans>
          </p>
        )}
        {d.workplaces.map((w) => {
          const trained = ofText(w.kyrTrainedCount, w.memberCount);
          const committee = pct(w.committeeCoverage);
          return (
            <article key={w.workplace.id} className="board-workplace">
              <h3>{w.workplace.name}</h3>
              <Bars
                label={t`${w.workplace.name}: training and committee coverage`}
                bars={[
                  {
                    key: 'trained',
                    label: t`Trained in “Know your rights”`,
                    name: t`Trained in “Know your rights”: ${trained}`,
                    value: w.kyrTrainedCount,
                    max: w.memberCount,
                    text: trained,
                  },
                  {
                    key: 'committee',
                    label: t`With a committee contact`,
                    name: t`With a committee contact: ${committee}`,
                    value: w.committeeCoverage,
                    max: 1,
                    text: committee,
                  },
                ]}
              />
            </article>
          );
        })}
      </section>

      <section aria-labelledby="petitions">
        <h2 id="petitions">
          <Trans>Open petitions</Trans>
        </h2>
        {d.openPetitions.length === 0 ? (
          <p className="muted">
            <Trans>No petition is collecting signatures right now.</Trans>
          </p>
        ) : (
          <PetitionBars petitions={d.openPetitions} />
        )}
      </section>

      <section aria-labelledby="campaigns">
        <h2 id="campaigns">
          <Trans>Campaigns by stage</Trans>
        </h2>
        <Bars
          label={t`Campaigns in each stage`}
          bars={stageCounts
            .filter((s) => s.n > 0 || !['FAILED', 'WITHDRAWN', 'IMPLEMENTED'].includes(s.stage))
            .map((s) => {
              const n = f.number(s.n);
              const stage = stages[s.stage];
              return {
                key: s.stage,
                label: stage,
                name: t`${stage}: ${n}`,
                value: s.n,
                max: campaignMax,
                text: n,
              };
            })}
        />
        <Link to="/campaigns" className="more">
          <Trans>See the campaigns</Trans>
        </Link>
      </section>
    </Screen>
  );
}
