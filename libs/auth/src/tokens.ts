import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
export const INVITATION_TTL_DAYS = 7;

/** 256 bits from the OS CSPRNG, URL-safe: refresh tokens and invitation tokens. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored. A fast hash is right here: the token is random, not a guessable password. */
export const hashOpaqueToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const USER_AGENT_MAX_CHARS = 200;

/** How a session is labelled: the client's User-Agent, cut to 200 characters, or null. */
export const sessionUserAgent = (userAgent: string | null | undefined): string | null => {
  const chars = [...(userAgent ?? '').trim()]; // by code point, never splitting a surrogate pair
  return chars.length ? chars.slice(0, USER_AGENT_MAX_CHARS).join('') : null;
};
