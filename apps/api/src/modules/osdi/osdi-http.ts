import type { Request } from 'express';
import { AppError } from '@juntos/common';
import { clientIp } from '@juntos/auth';
import type { OsdiCaller } from './osdi.service';

export const HAL = 'application/hal+json';

/** A query string ends up in logs and histories: a token there is refused, even beside a good header. */
const TOKEN_IN_ADDRESS = /token|secret|api[_-]?key/i;

/** The token from the OSDI-API-Token header (and nowhere else), and the address for the audit log. */
export function osdiCaller(req: Request): OsdiCaller {
  if (Object.keys(req.query).some((k) => TOKEN_IN_ADDRESS.test(k)))
    throw new AppError(
      'UNAUTHENTICATED',
      'Send the API token in the OSDI-API-Token header, never in the address: that one may now be in a log, so revoke it.',
    );
  return { secret: req.get('osdi-api-token') ?? undefined, ip: clientIp(req) };
}

/** Where this server's OSDI documents live, for their links. */
export function osdiBase(req: Request): string {
  return `${req.protocol}://${req.get('host')}/osdi/v1`;
}
