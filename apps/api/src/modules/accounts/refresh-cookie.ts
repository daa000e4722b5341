import type { Request, Response } from 'express';
import { parse } from 'cookie';
import { REFRESH_TOKEN_TTL_DAYS } from '@juntos/auth';

/** The refresh token's cookie: HttpOnly, so the web app's scripts never see the token. */
export const REFRESH_COOKIE = 'juntos_refresh';
const PATH = '/auth';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * A client asking for the refresh token in the cookie only (the web app) sends this header; its
 * answers then carry no `refreshToken` in the body. API clients keep the JSON body as before.
 */
export const COOKIE_ONLY_HEADER = 'x-juntos-refresh';

export const wantsCookieOnly = (req: Request): boolean => req.get(COOKIE_ONLY_HEADER) === 'cookie';

/** Secure everywhere but plain http on this machine (development), where browsers would drop it. */
function secure(req: Request): boolean {
  return req.protocol === 'https' || !LOOPBACK.has(req.hostname);
}

export function setRefreshCookie(req: Request, res: Response, token: string): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secure(req),
    path: PATH,
    maxAge: REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000,
  });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(req), path: PATH });
}

/** The refresh token from the cookie, when there is one of a plausible size. */
export function refreshTokenFromCookie(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header || header.length > 8192) return undefined;
  const token = parse(header)[REFRESH_COOKIE];
  return token && token.length <= 200 ? token : undefined;
}
