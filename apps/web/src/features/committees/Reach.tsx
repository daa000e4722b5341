import { Trans } from '@lingui/react/macro';
import { useFormat } from '../../ui/format';

/**
 * A committee's reach: the share of members with a contact on it, as a percentage and a bar (never
 * the bar alone), and members per committee member against the aim of 10 or fewer.
 */
export function Reach({
  coverage,
  ratio,
  members,
}: {
  coverage: number;
  ratio: number | null | undefined;
  members?: number | null;
}) {
  const f = useFormat();
  const percent = f.number(Math.round(coverage * 100));
  const covered = members != null ? f.number(Math.round(coverage * members)) : null;
  const all = members != null ? f.number(members) : null;
  const per = ratio != null ? f.number(Math.round(ratio * 10) / 10) : null;
  return (
    <div className="reach">
      <p>
        <Trans>Coverage: {percent}%</Trans>
        {covered !== null && (
          <span className="muted">
            {' '}
            (
            <Trans>
              {covered} of {all} members
            </Trans>
            )
          </span>
        )}
      </p>
      <progress value={Math.min(coverage, 1)} max={1} aria-hidden="true" />
      <p>
        {per !== null ? (
          ratio! <= 10 ? (
            <Trans>Ratio: {per} members per committee member (aim: 10 or fewer)</Trans>
          ) : (
            <Trans>Ratio: {per} members per committee member: over the aim of 10</Trans>
          )
        ) : (
          <Trans>Ratio: no one seated yet</Trans>
        )}
      </p>
    </div>
  );
}
