import { useLingui } from '@lingui/react/macro';

/** The 1–5 assessment's words, always shown with the number: never by colour alone. */
export function useAssessmentLabels(): Record<number, string> {
  const { t } = useLingui();
  return {
    1: t`Leader`,
    2: t`Supporter`,
    3: t`Undecided`,
    4: t`Leaning against`,
    5: t`Opposed`,
  };
}

export function Assessment({ level }: { level: number | null | undefined }) {
  const labels = useAssessmentLabels();
  const { t } = useLingui();
  if (!level) return <span className="assessment">{t`Not assessed`}</span>;
  return (
    <span className={`assessment level-${level}`}>
      {level} · {labels[level]}
    </span>
  );
}
