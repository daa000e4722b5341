import { Trans, useLingui } from '@lingui/react/macro';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { Tabs } from './nav';
import { activate, Locale, LOCALES } from '../i18n';
import { quickExit } from '../session';

/** On every screen, first in reach: one tap leaves for a neutral page and signs out. */
export function QuickExit() {
  return (
    <button type="button" className="quick-exit" onClick={() => void quickExit()}>
      <Trans>Quick exit</Trans>
    </button>
  );
}

export function LanguagePicker() {
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

/** The local the user works in now, chosen after sign-in; held in memory only. */
export type Role = 'STEWARD' | 'ORGANIZER' | 'LOCAL_ADMIN' | 'BOARD_MEMBER';

export interface CurrentLocal {
  id: string;
  name: string;
  /** The user's roles in this local: the screens offered follow them (the API decides access). */
  roles: Role[];
  /** More than one local: Settings offers to switch. */
  others: boolean;
  choose: () => void;
}

export const LocalContext = createContext<CurrentLocal | null>(null);

export function useLocal(): CurrentLocal {
  const local = useContext(LocalContext);
  if (!local) throw new Error('useLocal outside a chosen local');
  return local;
}

/**
 * A one-line confirmation shown on the next screen ("Saved"), then gone. In memory, like
 * everything else here.
 */
let pending: string | null = null;
const listeners = new Set<(m: string | null) => void>();

export function flash(message: string): void {
  pending = message;
  for (const l of listeners) l(message);
}

function Flash() {
  const [message, setMessage] = useState<string | null>(pending);
  useEffect(() => {
    listeners.add(setMessage);
    const timer = window.setTimeout(() => {
      pending = null;
      setMessage(null);
    }, 6000);
    return () => {
      listeners.delete(setMessage);
      window.clearTimeout(timer);
    };
  }, [message]);
  if (!message) return null;
  return (
    <p className="flash" role="status">
      {message}
    </p>
  );
}

/** A signed-in screen: the local and the quick exit on top, the steward's tabs at the bottom. */
export function Screen({
  title,
  children,
  back,
  tabs = true,
}: {
  title: string;
  children: ReactNode;
  back?: ReactNode;
  tabs?: boolean;
}) {
  const local = useContext(LocalContext);
  useEffect(() => {
    document.title = `${title} · Juntos`;
  }, [title]);
  return (
    <>
      <header className="top">
        <span className="where">{local?.name ?? 'Juntos'}</span>
        <QuickExit />
      </header>
      <main className="screen">
        {back}
        <h1>{title}</h1>
        <Flash />
        {children}
      </main>
      {local && tabs && <Tabs roles={local.roles} />}
    </>
  );
}

/** Said while an answer is on its way. */
export function Loading() {
  return (
    <p role="status">
      <Trans>Loading…</Trans>
    </p>
  );
}

/** The language and sign-out, for the screens that have no tabs. */
export function LanguageAndSignOut({ signOut }: { signOut: () => Promise<void> }) {
  return (
    <>
      <LanguagePicker />
      <button type="button" onClick={() => void signOut()}>
        <Trans>Sign out</Trans>
      </button>
    </>
  );
}
