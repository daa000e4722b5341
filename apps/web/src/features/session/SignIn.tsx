import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { signIn, SignInProblem } from '../../session';
import { LanguagePicker, QuickExit } from '../../ui/chrome';

/** Why the sign-in screen shows: first visit, the idle lock, or a session ended elsewhere. */
export type SignedOutReason = 'locked' | 'ended' | undefined;

/** A screen before signing in: no local and no tabs, but the quick exit all the same. */
export function Outside({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="top">
        <span className="where">Juntos</span>
        <QuickExit />
      </header>
      <main className="screen">{children}</main>
    </>
  );
}

/**
 * Sign-in, and the idle lock's "password again": the language is chosen here, before anyone
 * signs in. After the idle lock the email is kept (in memory) and only the password is asked.
 */
export function SignIn({
  onIn,
  reason,
  email,
}: {
  onIn: () => void;
  reason?: SignedOutReason;
  email?: string | null;
}) {
  const { t } = useLingui();
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const messages: Record<SignInProblem, string> = {
    credentials: t`That email and password do not match an account.`,
    locked: t`Too many attempts. Wait 15 minutes and try again.`,
    offline: t`No connection. Check your signal and try again; what you typed is still here.`,
    unavailable: t`Juntos is not answering right now. Try again in a moment.`,
  };
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const result = await signIn(String(form.get('email')), String(form.get('password')));
    setBusy(false);
    if (typeof result === 'string') setProblem(result);
    else onIn();
  }
  return (
    <Outside>
      <LanguagePicker />
      <h1>{reason === 'locked' ? t`Locked` : 'Juntos'}</h1>
      {reason === 'locked' && (
        <p role="status">
          <Trans>Juntos locked itself after a while without use. Enter your password to go on.</Trans>
        </p>
      )}
      {reason === 'ended' && (
        <p role="status">
          <Trans>Your session ended. Sign in again.</Trans>
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">
          <Trans>Email</Trans>
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={email ?? ''}
          required
        />
        <label htmlFor="password">
          <Trans>Password</Trans>
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus={!!email}
          required
        />
        {problem && (
          <p role="alert" className="problem">
            {messages[problem]}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          <Trans>Sign in</Trans>
        </button>
      </form>
      {reason !== 'locked' && (
        <Link to="/invitation" className="more">
          <Trans>I have an invitation</Trans>
        </Link>
      )}
    </Outside>
  );
}
