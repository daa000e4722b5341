import { Trans, useLingui } from '@lingui/react/macro';
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { cacheExchange, Client, fetchExchange, Provider, useQuery } from 'urql';
import { activate, Locale, LOCALES } from './i18n';
import { quickExit, refresh, session, Session, signIn, SignInProblem, signOut } from './session';

/** GraphQL answers live in this client's memory only, and go with it on sign-out. */
function makeClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // Always POST: a query in a URL would sit in histories and logs.
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'omit',
      headers: { authorization: `Bearer ${session()?.accessToken ?? ''}` },
    }),
  });
}

export function App() {
  const [state, setState] = useState<'loading' | 'out' | Session>('loading');
  // A reload signs back in through the refresh cookie, or shows the sign-in screen.
  useEffect(() => {
    void refresh().then((s) => setState(s ?? 'out'));
  }, []);
  const client = useMemo(() => (typeof state === 'object' ? makeClient() : null), [state]);
  if (state === 'loading') return null;
  if (state === 'out' || !client) return <SignIn onIn={setState} />;
  return (
    <Provider value={client}>
      <Home
        onOut={async () => {
          await signOut();
          setState('out');
        }}
      />
    </Provider>
  );
}

/** On every screen, first in reach: one tap leaves for a neutral page and signs out. */
function QuickExit() {
  return (
    <button type="button" className="quick-exit" onClick={() => void quickExit()}>
      <Trans>Quick exit</Trans>
    </button>
  );
}

function LanguagePicker() {
  const { i18n, t } = useLingui();
  return (
    <nav className="languages" aria-label={t`Language`}>
      {(Object.keys(LOCALES) as Locale[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={i18n.locale === l}
          onClick={() => void activate(l)}
        >
          {LOCALES[l]}
        </button>
      ))}
    </nav>
  );
}

function SignIn({ onIn }: { onIn: (s: Session) => void }) {
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
    else onIn(result);
  }
  return (
    <main className="screen">
      <QuickExit />
      <LanguagePicker />
      <h1>Juntos</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="email">
          <Trans>Email</Trans>
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">
          <Trans>Password</Trans>
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {problem && (
          <p role="alert" className="problem">
            {messages[problem]}
          </p>
        )}
        <button type="submit" disabled={busy}>
          <Trans>Sign in</Trans>
        </button>
      </form>
    </main>
  );
}

const ME = '{ me { id displayName roles { role local { id name } } } }';

function Home({ onOut }: { onOut: () => Promise<void> }) {
  const [{ data, error }] = useQuery<{
    me: { displayName: string; roles: { role: string; local: { name: string } }[] };
  }>({
    query: ME,
  });
  const name = data?.me.displayName ?? '';
  return (
    <main className="screen">
      <QuickExit />
      <LanguagePicker />
      {error && (
        <p role="alert" className="problem">
          <Trans>Juntos is not answering right now. Try again in a moment.</Trans>
        </p>
      )}
      {data && (
        <>
          <h1>
            <Trans>Hello, {name}</Trans>
          </h1>
          <p>
            <Trans>The steward&apos;s screens are on their way.</Trans>
          </p>
        </>
      )}
      <button type="button" onClick={() => void onOut()}>
        <Trans>Sign out</Trans>
      </button>
    </main>
  );
}
