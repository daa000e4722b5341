import { useLingui } from '@lingui/react/macro';
import type { CombinedError } from 'urql';

/** What went wrong, as the API says it: a code, and the input field when there is one. */
export interface Problem {
  code: string;
  field?: string;
}

export function problemOf(error: CombinedError | undefined): Problem | null {
  if (!error) return null;
  if (error.networkError) return { code: 'OFFLINE' };
  const first = error.graphQLErrors[0];
  const code = (first?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  const field = first?.extensions?.field as string | undefined;
  return field ? { code, field } : { code };
}

/**
 * Every code the API may answer, as a plain sentence in the user's language. A form passes its
 * own sentences for the fields it shows (`fields`), so a refusal reads next to the field.
 */
export function useProblemSentence(): (p: Problem, fields?: Record<string, string>) => string {
  const { t } = useLingui();
  return (p, fields = {}) => {
    if (p.field && fields[p.field]) return fields[p.field];
    switch (p.code) {
      case 'OFFLINE':
        return t`No connection. Check your signal and try again; what you typed is still here.`;
      case 'BAD_USER_INPUT':
        return t`Something here is not accepted. Check what you entered and try again.`;
      case 'NOT_FOUND':
      case 'FORBIDDEN':
        return t`You don't have access to this.`;
      case 'CONFLICT':
        return t`Someone changed this at the same time. Try again.`;
      case 'TOO_MANY_REQUESTS':
        return t`Too many attempts. Wait 15 minutes and try again.`;
      case 'SERVICE_UNAVAILABLE':
        return t`Juntos is not answering right now. Try again in a moment.`;
      case 'UNAUTHENTICATED':
        return t`Your session ended. Sign in again.`;
      default:
        return t`Something went wrong on our side. Try again; if it keeps happening, tell your organizer.`;
    }
  };
}

/** A refusal or a failure, announced to screen readers, in a sentence. */
export function ProblemText({
  problem,
  fields,
  id,
}: {
  problem: Problem | null;
  fields?: Record<string, string>;
  id?: string;
}) {
  const sentence = useProblemSentence();
  if (!problem) return null;
  return (
    <p role="alert" className="problem" id={id}>
      {sentence(problem, fields)}
    </p>
  );
}
