import { useLingui } from '@lingui/react/macro';
import { ReactNode } from 'react';
import { useFormat } from '../../ui/format';

/** A share (0 to 1) as a whole percentage in the user's language: "45 %" or "45%". */
export function usePercent(): (share: number) => string {
  const { i18n } = useLingui();
  const f = new Intl.NumberFormat(i18n.locale === 'es' ? 'es-US' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (share) => f.format(Number.isFinite(share) ? share : 0);
}

export interface Bar {
  key: string;
  /** What the bar counts: a level, a workplace, a stage. */
  label: ReactNode;
  /** The bar's accessible name, with its number in words ("Supporter: 3 of 10 members"). */
  name: string;
  value: number;
  /** What a full bar stands for. */
  max: number;
  /** The number written beside the bar ("3", "2 of 4 · 50 %"). */
  text: string;
  /** A pattern class (level-1…): colour that only adds to the words and the number. */
  tone?: string;
}

/**
 * Horizontal bars drawn in CSS, each with its label above, its number beside it, and an
 * accessible name: never the bar or its colour alone.
 */
export function Bars({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <ul className="bars" aria-label={label}>
      {bars.map((b) => {
        const share = b.max > 0 ? Math.min(1, Math.max(0, b.value / b.max)) : 0;
        return (
          <li key={b.key} className="bar-row">
            <span className="bar-label">{b.label}</span>
            <span className="bar-line">
              <span className="bar-track">
                <span
                  className={`bar-fill ${b.tone ?? ''}`}
                  role="img"
                  aria-label={b.name}
                  style={{ width: `${share * 100}%` }}
                />
              </span>
              <span className="bar-value">{b.text}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A share as a small SVG gauge (a bar with a goal line), its number written beside it. */
export function ShareGauge({ share, name, text }: { share: number; name: string; text: string }) {
  const width = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <div className="gauge">
      <svg viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={name} focusable="false">
        <rect x="0" y="0" width="100" height="12" className="gauge-track" />
        <rect x="0" y="0" width={width} height="12" className="gauge-fill" />
        <line x1="50" y1="0" x2="50" y2="12" className="gauge-half" />
      </svg>
      <span className="bar-value">{text}</span>
    </div>
  );
}

/** Petitions' signatures against their goals, "3 of 8" beside each bar; a met goal reads the same. */
export function PetitionBars({
  petitions,
}: {
  petitions: { id: string; title: string; goal: number; signatureCount: number }[];
}) {
  const { t } = useLingui();
  const f = useFormat();
  return (
    <Bars
      label={t`Signatures toward each goal`}
      bars={petitions.map((p) => {
        const signed = f.number(p.signatureCount);
        const goal = f.number(p.goal);
        return {
          key: p.id,
          label: p.title,
          name: t`${p.title}: ${signed} of ${goal} signatures`,
          value: p.signatureCount,
          max: p.goal,
          text: t`${signed} of ${goal}`,
          tone: p.signatureCount >= p.goal ? 'met' : undefined,
        };
      })}
    />
  );
}
