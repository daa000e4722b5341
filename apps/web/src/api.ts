import { cacheExchange, Client, CombinedError, fetchExchange, mapExchange } from 'urql';
import { refresh, session } from './session';

/** A token this close to its expiry is refreshed before the request rather than refused after. */
const MARGIN_MS = 30_000;

/** Every GraphQL request carries a fresh access token; the refresh goes through the cookie. */
async function withToken(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let s = session();
  if (!s || s.expiresAt - Date.now() < MARGIN_MS) s = (await refresh()) ?? s;
  const headers = new Headers(init?.headers);
  if (s) headers.set('authorization', `Bearer ${s.accessToken}`);
  return fetch(input, { ...init, headers, credentials: 'omit' });
}

export const isSignedOut = (e: CombinedError): boolean =>
  e.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED');

/**
 * GraphQL answers live in this client's memory only, and go with it on sign-out or the idle lock.
 * `onSignedOut`: the session ended elsewhere (another device ended it, or it expired).
 */
export function makeClient(onSignedOut: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      mapExchange({
        onError(error) {
          if (isSignedOut(error)) onSignedOut();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    // Always POST: a query in a URL would sit in histories and logs.
    preferGetMethod: false,
    fetch: withToken,
  });
}
