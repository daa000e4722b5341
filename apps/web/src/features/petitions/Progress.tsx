import { Trans } from '@lingui/react/macro';
import { useFormat } from '../../ui/format';

/** "21 of 40": the count toward the goal, in words and as a bar (never the bar alone). */
export function Progress({ count, goal }: { count: number; goal: number }) {
  const f = useFormat();
  const signed = f.number(count);
  const needed = f.number(goal);
  return (
    <div className="progress">
      <p>
        <Trans>
          {signed} of {needed} signatures
        </Trans>
      </p>
      <progress value={Math.min(count, goal)} max={Math.max(goal, 1)} aria-hidden="true" />
    </div>
  );
}
