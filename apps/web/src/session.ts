/**
 * The signed-in session, in memory only. The refresh token never reaches this code: the API keeps
 * it in an HttpOnly cookie on /auth, and `X-Juntos-Refresh: cookie` keeps it out of every answer.
 */
export interface Session {
  accessToken: string;
  expiresAt: number;
}

export type SignInProblem = 'credentials' | 'locked' | 'offline' | 'unavailable';

const COOKIE_ONLY = { 'x-juntos-refresh': 'cookie', 'content-type': 'application/json' };

let current: Session | null = null;
/** The signed-in user's email, so the idle lock asks for the password only. Memory only. */
let email: string | null = null;

export const rememberEmail = (value: string): void => {
  email = value;
};
export const rememberedEmail = (): string | null => email;
let refreshing: Promise<Session | null> | null = null;

export const session = (): Session | null => current;

function keep(body: { accessToken: string; expiresIn: number }): Session {
  current = { accessToken: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 };
  return current;
}

/** A POST to /auth that signs in: the answer, or null when there was no connection. */
async function signingIn(path: string, body: object): Promise<Response | null> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: COOKIE_ONLY,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
}

export async function signIn(address: string, password: string): Promise<Session | SignInProblem> {
  const res = await signingIn('/auth/login', { email: address, password });
  if (!res) return 'offline';
  if (res.ok) {
    rememberEmail(address);
    return keep(await res.json());
  }
  await res.text().catch(() => '');
  if (res.status === 401 || res.status === 400) return 'credentials';
  if (res.status === 429) return 'locked';
  return 'unavailable';
}

/** The API's refusal of an invitation, in its words, for the screen to say in the user's. */
export interface Refusal {
  status: number;
  message?: string;
  field?: string;
}

/**
 * Makes the invited person's account and signs them in, like signIn: the one-time code goes in the
 * body only, never in an address, and nothing of it is kept.
 */
export async function acceptInvitation(
  token: string,
  displayName: string,
  password: string,
): Promise<Session | Refusal | 'offline'> {
  const res = await signingIn('/auth/accept-invitation', { token, displayName, password });
  if (!res) return 'offline';
  if (res.ok) return keep(await res.json());
  const body = (await res.json().catch(() => ({}))) as { message?: unknown; field?: unknown };
  return {
    status: res.status,
    message: typeof body.message === 'string' ? body.message : undefined,
    field: typeof body.field === 'string' ? body.field : undefined,
  };
}

/**
 * A new access token through the cookie. Calls made while one is running share it, so this page
 * never presents one refresh token twice (which the API takes for a stolen token).
 */
export function refresh(): Promise<Session | null> {
  refreshing ??= acrossTabs(async () => {
    try {
      const res = await fetch('/auth/refresh', {
        method: 'POST',
        headers: COOKIE_ONLY,
        credentials: 'same-origin',
        body: '{}',
      });
      // A refusal's body is read too, so the request ends rather than hold its connection.
      current = res.ok ? keep(await res.json()) : (await res.text(), null);
    } catch {
      // Offline: keep what we have; the next call tries again.
    }
    return current;
  }).finally(() => (refreshing = null));
  return refreshing;
}

/** Other tabs of this app share the cookie: one refresh at a time among them too (Web Locks). */
function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  return navigator.locks ? (navigator.locks.request('juntos-refresh', fn) as Promise<T>) : fn();
}

/**
 * Ends the session on the server (which answers Clear-Site-Data) and forgets it here. Waits at
 * most `patience` ms: a quick exit must not hang on a bad connection (the request goes on anyway).
 */
export async function signOut(patience = 10_000): Promise<void> {
  current = null;
  email = null;
  // The server ends unused sessions on its own; this page holds nothing any more either way.
  const request = fetch('/auth/logout', {
    method: 'POST',
    headers: COOKIE_ONLY,
    credentials: 'same-origin',
    body: '{}',
    keepalive: true,
  }).catch(() => undefined);
  await Promise.race([request, new Promise((r) => setTimeout(r, patience))]);
}

/** Where the quick exit goes: a page that says nothing about Juntos. */
export const QUICK_EXIT_URL: string = import.meta.env.VITE_QUICK_EXIT_URL ?? 'https://www.google.com/';

/**
 * The quick exit: signs out, and replaces this page with a neutral one, so Back does not return
 * to the app. Nothing of the session stays in memory: the page itself is gone.
 */
export async function quickExit(): Promise<void> {
  await signOut(1500);
  window.location.replace(QUICK_EXIT_URL);
}
