import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
export const INVITATION_TTL_DAYS = 7;

/** 256 bits from the OS CSPRNG, URL-safe: refresh tokens and invitation tokens. */
export const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored. A fast hash is right here: the token is random, not a guessable password. */
export const hashOpaqueToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
