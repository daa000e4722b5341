import { Trans } from '@lingui/react/macro';
import { ReactNode, useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import { Loading } from '../../ui/chrome';
import { Problem, problemOf, ProblemText } from '../../ui/problems';

/**
 * Shared by the organizer's workplaces and petitions: lists loaded a page at a time, and forms
 * whose API refusals read next to their fields.
 */

/** One entry per page loaded: the cursor it starts after. A change of `from` starts over. */
export function useCursors(from: unknown) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [from]);
  /** The `i`th page found `next` after it: load it (once). */
  const more = (i: number) => (next: string) =>
    setCursors((c) => (c[i + 1] === next ? c : [...c.slice(0, i + 1), next]));
  return { cursors, more };
}

/** The count at the head of a list, once its first page is in: `none`, or `some` of them. */
export function PageCount({ total, none, some }: { total?: number; none: ReactNode; some: ReactNode }) {
  if (total === undefined) return null;
  return (
    <li className="count">
      <span role="status">{total === 0 ? none : some}</span>
    </li>
  );
}

/** The end of one page of a list: its refusal, its loading line, and "Show more" on the last page. */
export function PageEnd({
  error,
  loading,
  next,
  more,
}: {
  error?: CombinedError;
  loading: boolean;
  next: string | null;
  more: (cursor: string) => void;
}) {
  return (
    <>
      {error && (
        <li>
          <ProblemText problem={problemOf(error)} />
        </li>
      )}
      {loading && (
        <li>
          <Loading />
        </li>
      )}
      {next && (
        <li>
          <button type="button" onClick={() => more(next)}>
            <Trans>Show more</Trans>
          </button>
        </li>
      )}
    </>
  );
}

/**
 * A refusal for one field, under it (`show`), and the field pointing at it (`describe`); `fields`
 * holds each field's sentence, `prefix` keeps the ids apart.
 */
export function fieldProblems(problem: Problem | null, fields: Record<string, string>, prefix: string) {
  const id = (name: string) => `${prefix}-${name}-problem`;
  return {
    show: (name: string) =>
      problem?.field === name ? <ProblemText problem={problem} fields={fields} id={id(name)} /> : null,
    describe: (name: string) =>
      problem?.field === name ? { 'aria-describedby': id(name), 'aria-invalid': true } : {},
    /** A refusal that names no field shown here. */
    other: problem && !(problem.field && problem.field in fields) ? <ProblemText problem={problem} /> : null,
  };
}
