import { FormEvent, useCallback, useState } from 'react';
import { AnyVariables, DocumentInput, useMutation } from 'urql';
import { Problem, problemOf } from '../../ui/problems';

/**
 * A change the desk makes from a button or a form (verify, propose, approve, cancel, close, set a
 * responder): whether it is on its way, and the refusal to say beside it. `run` answers whether it
 * went through, so the caller then clears its form or says it is done.
 */
export function useAct<Data, Vars extends AnyVariables>(doc: DocumentInput<Data, Vars>) {
  const [state, mutate] = useMutation<Data, Vars>(doc);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(
    async (variables: Vars): Promise<boolean> => {
      setProblem(null);
      const p = problemOf((await mutate(variables)).error);
      setProblem(p);
      return !p;
    },
    [mutate],
  );
  return { run, busy: state.fetching, problem };
}

/** A form's submit, kept on the page: the change runs in the page, and nothing is sent by the browser. */
export const submitting =
  (save: () => Promise<unknown>) =>
  (e: FormEvent): void => {
    e.preventDefault();
    void save();
  };
