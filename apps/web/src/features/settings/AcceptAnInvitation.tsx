import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { graphql } from '../../gql';
// The app's own Me query (App.tsx): fetched again, its answer reaches the local switcher and the tabs.
import { MeDocument } from '../../gql/graphql';
import { useRoleLabels } from '../admin/roles';
import { CodeField, codeIn } from '../session/CodeField';
import { problemOf, Problem, useProblemSentence } from '../../ui/problems';

const Accept = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token)
  }
`);

/**
 * For someone who already has an account: an invitation to another local, or to a new role, is
 * accepted here with its one-time code. The local and the roles it gives show at once.
 */
export function AcceptAnInvitation() {
  const { t } = useLingui();
  const client = useClient();
  const sentence = useProblemSentence();
  const labels = useRoleLabels();
  const [{ fetching }, accept] = useMutation(Accept);
  const [problem, setProblem] = useState<Problem | 'missing' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const token = codeIn(new FormData(form));
    setDone(null);
    if (!token) return setProblem('missing');
    setProblem(null);
    const before = new Set(client.readQuery(MeDocument, {})?.data?.me.roles.map((r) => r.id));
    const r = await accept({ token });
    if (r.error) return setProblem(problemOf(r.error));
    // The code is spent: it leaves the screen with the form's reset.
    form.reset();
    const me = await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    const added = me.data?.me.roles.find((role) => !before.has(role.id));
    if (!added) return setDone(t`Invitation accepted. Your roles are up to date.`);
    const role = labels[added.role];
    const local = added.local.name;
    setDone(t`Invitation accepted: you now have the role “${role}” in ${local}.`);
  }

  // The API says one thing for a code unknown, used, expired or made for another address.
  const said =
    problem === 'missing'
      ? t`Type the code you were given.`
      : problem?.code === 'NOT_FOUND' || problem?.field === 'token'
        ? t`This code does not work: it was mistyped, already used, has expired, or was made for another email address. Check it, or ask the local's admin for a new one.`
        : problem?.code === 'TOO_MANY_REQUESTS'
          ? t`Too many attempts with this code. Wait 15 minutes and try again.`
          : problem && sentence(problem);

  return (
    <section aria-labelledby="invitation">
      <h2 id="invitation">
        <Trans>Accept an invitation</Trans>
      </h2>
      <p>
        <Trans>Invited to another local, or to a new role? Type the one-time code you were handed.</Trans>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <CodeField aria-invalid={!!said || undefined} aria-describedby={said ? 'token-problem' : undefined} />
        {said && (
          <p role="alert" className="problem" id="token-problem">
            {said}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          <Trans>Accept the invitation</Trans>
        </button>
      </form>
      {done && (
        <p className="flash" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
