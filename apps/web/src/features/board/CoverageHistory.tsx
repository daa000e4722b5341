import { Trans, useLingui } from '@lingui/react/macro';
import { useFormat } from '../../ui/format';
import { usePercent } from './Bars';

export interface CoverageWeek {
  weekEnding: string;
  memberCount: number;
  coveredCount: number;
  share: number;
}

/** The chart's height in its own units; each week is a column 10 wide. */
const HEIGHT = 50;

/**
 * Coverage over time: one SVG column a week, oldest on the left, the dashed line at half. Its
 * name says where it starts and ends; the weeks in numbers are a table beside it, one tap away.
 */
export function CoverageHistory({ weeks }: { weeks: CoverageWeek[] }) {
  const { t } = useLingui();
  const f = useFormat();
  const pct = usePercent();
  if (weeks.length === 0) return null;
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const count = f.number(weeks.length);
  const from = pct(first.share);
  const fromDate = f.date(first.weekEnding);
  const now = pct(last.share);
  const width = weeks.length * 10;
  const ofText = (w: CoverageWeek) => {
    const covered = f.number(w.coveredCount);
    const members = f.number(w.memberCount);
    const share = pct(w.share);
    return t`${share} · ${covered} of ${members}`;
  };
  return (
    <figure className="history">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t`Coverage over the last ${count} weeks: ${from} in the week to ${fromDate}, ${now} this week`}
        focusable="false"
      >
        <rect x="0" y="0" width={width} height={HEIGHT} className="history-track" />
        {weeks.map((w, i) => {
          const h = Math.min(1, Math.max(0, w.share)) * HEIGHT;
          return (
            <rect
              key={w.weekEnding}
              x={i * 10 + 1}
              y={HEIGHT - h}
              width="8"
              height={h}
              className={i === weeks.length - 1 ? 'history-bar latest' : 'history-bar'}
            />
          );
        })}
        <line x1="0" y1={HEIGHT / 2} x2={width} y2={HEIGHT / 2} className="history-half" />
      </svg>
      <figcaption>
        <span>{fromDate}</span>
        <strong>
          <Trans>This week: {now}</Trans>
        </strong>
      </figcaption>
      <details>
        <summary>
          <Trans>The weeks in numbers</Trans>
        </summary>
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">
                <Trans>Week to</Trans>
              </th>
              <th scope="col">
                <Trans>Members with a one-on-one</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekEnding}>
                <th scope="row">{f.date(w.weekEnding)}</th>
                <td>{ofText(w)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
