import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { acceptInvitation, Refusal } from '../../session';
import { LanguagePicker } from '../../ui/chrome';
import { CodeField, codeIn } from './CodeField';
import { Outside } from './SignIn';

/** What can stop an invitation, each said in the user's language next to the field it concerns. */
type Problem =
  | 'code'
  | 'spent'
  | 'name'
  | 'short'
  | 'long'
  | 'repeats'
  | 'email'
  | 'common'
  | 'weak'
  | 'busyAddress'
  | 'busyCode'
  | 'offline'
  | 'unavailable';

type Field = 'token' | 'displayName' | 'password' | 'form';

/** Which field a problem is said next to. */
const FIELD: Record<Problem, Field> = {
  code: 'token',
  spent: 'token',
  name: 'displayName',
  short: 'password',
  long: 'password',
  repeats: 'password',
  email: 'password',
  common: 'password',
  weak: 'password',
  busyAddress: 'form',
  busyCode: 'form',
  offline: 'form',
  unavailable: 'form',
};

/** The password rules' refusals (the API's passwordProblem), by how each begins. */
const PASSWORD_RULES: [string, Problem][] = [
  ['Use at least', 'short'],
  ['Use at most', 'long'],
  ['Use more different', 'repeats'],
  ['Do not put your email', 'email'],
  ['This password starts with a pattern', 'common'],
];

/** The API answers in English; the screen says it again in the user's language. */
function problemOf(r: Refusal): Problem {
  if (r.status === 429) return /address/.test(r.message ?? '') ? 'busyAddress' : 'busyCode';
  if (r.status !== 400) return 'unavailable';
  // A field the request's rules refused (a code too long to be one, a name over 100, a password over 1,024).
  if (r.field === 'token') return 'spent';
  if (r.field === 'displayName') return 'name';
  if (r.field === 'password') return 'long';
  if (r.message?.startsWith('This invitation is invalid')) return 'spent';
  return PASSWORD_RULES.find(([start]) => r.message?.startsWith(start))?.[1] ?? 'weak';
}

/**
 * For a person a local admin invited: the one-time code they were handed, their name and a new
 * password make their account and sign them in. The code is typed into this form only: never in
 * the address, never kept by the browser (no autofill), and gone with the screen.
 */
export function AcceptInvitation({ onIn }: { onIn: () => void }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const messages: Record<Problem, string> = {
    code: t`Type the code you were given.`,
    spent: t`This code does not work: it was mistyped, already used, or has expired. Check it, or ask your local's admin for a new one. A code makes a new account: if you already have one, sign in and accept it in Settings.`,
    name: t`Write your name, up to 100 characters.`,
    short: t`Use at least 12 characters. A short sentence works well.`,
    long: t`Use at most 256 characters.`,
    repeats: t`Use more different characters: this password repeats too much.`,
    email: t`Do not put your email address in your password.`,
    common: t`This password starts with a pattern that is guessed first. Choose something less common.`,
    weak: t`This password is not accepted. Choose a longer one: a short sentence works well.`,
    busyAddress: t`Too many attempts from this connection. Wait a minute and try again.`,
    busyCode: t`Too many attempts with this code. Wait 15 minutes and try again.`,
    offline: t`No connection. Check your signal and try again; what you typed is still here.`,
    unavailable: t`Juntos is not answering right now. Try again in a moment.`,
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const token = codeIn(form);
    const name = String(form.get('displayName')).trim();
    const password = String(form.get('password'));
    const missing: Problem | null = !token ? 'code' : !name ? 'name' : !password ? 'short' : null;
    if (missing) return setProblem(missing);
    setProblem(null);
    setBusy(true);
    const r = await acceptInvitation(token, name, password);
    setBusy(false);
    if (r === 'offline') return setProblem('offline');
    if ('status' in r) return setProblem(problemOf(r));
    // Signed in: the app opens at its first screen, not at this one's address.
    navigate('/', { replace: true });
    onIn();
  }

  /** The problem's sentence under its field, and the attributes that tie the field to it. */
  const said = (field: Field) =>
    problem && FIELD[problem] === field ? (
      <p role="alert" className="problem" id={`${field}-problem`}>
        {messages[problem]}
      </p>
    ) : null;
  const describedBy = (field: Field, hint?: string) => {
    const wrong = problem && FIELD[problem] === field;
    return {
      'aria-invalid': wrong || undefined,
      'aria-describedby': [hint, wrong ? `${field}-problem` : null].filter(Boolean).join(' ') || undefined,
    };
  };

  return (
    <Outside>
      <Link to="/" className="back">
        <Trans>Back to sign in</Trans>
      </Link>
      <LanguagePicker />
      <h1>
        <Trans>Accept your invitation</Trans>
      </h1>
      <p>
        <Trans>
          Your local&apos;s admin handed you a one-time code. Type it here with your name and a new password:
          that makes your account and signs you in.
        </Trans>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <CodeField {...describedBy('token')} />
        {said('token')}
        <label htmlFor="displayName">
          <Trans>Your name</Trans>
        </label>
        <input
          id="displayName"
          name="displayName"
          type="text"
          autoComplete="name"
          maxLength={100}
          required
          {...describedBy('displayName', 'displayName-hint')}
        />
        <p id="displayName-hint" className="muted">
          <Trans>As the people you work with know you.</Trans>
        </p>
        {said('displayName')}
        <label htmlFor="password">
          <Trans>New password</Trans>
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          {...describedBy('password', 'password-hint')}
        />
        <p id="password-hint" className="muted">
          <Trans>At least 12 characters. A short sentence works well.</Trans>
        </p>
        {said('password')}
        {said('form')}
        <button type="submit" className="primary" disabled={busy}>
          <Trans>Accept and sign in</Trans>
        </button>
      </form>
    </Outside>
  );
}
