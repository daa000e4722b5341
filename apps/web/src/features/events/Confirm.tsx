import { Trans } from '@lingui/react/macro';
import { ReactNode, useState } from 'react';

/**
 * A destructive action in two taps: the first asks, in a sentence, what will happen; the second
 * does it. Nothing happens on the first tap, so a slip of the thumb costs nothing.
 */
export function Confirm({
  label,
  question,
  yes,
  onYes,
  busy,
}: {
  label: string;
  question: ReactNode;
  yes: string;
  onYes: () => void | Promise<void>;
  busy?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="steps">
        <button type="button" className="danger primary" disabled={busy} onClick={() => void onYes()}>
          {yes}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          <Trans>Keep it</Trans>
        </button>
      </div>
    </div>
  );
}
