import type { Request } from 'express';
import { AppError } from '@juntos/common';
import { clientIp } from '@juntos/auth';
import { API_TOKEN_PREFIX } from '../api-tokens/api-tokens.service';
import type { OsdiCaller } from './osdi.service';

export const HAL = 'application/hal+json';

/** A query string ends up in logs and histories: a token there is refused, even beside a good header. */
const TOKEN_IN_ADDRESS = /token|secret|api[_-]?key/i;

/** Every name and value in a parsed query string (`a[b]=c` and `a=1&a=2` included). */
function queryTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => queryTexts(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      queryTexts(v, out);
    }
  return out;
}

/** The token from the OSDI-API-Token header (and nowhere else), and the address for the audit log. */
export function osdiCaller(req: Request): OsdiCaller {
  const texts = queryTexts(req.query as unknown);
  if (
    Object.keys(req.query).some((k) => TOKEN_IN_ADDRESS.test(k)) ||
    // A token's value under any name, or inside another value (a filter, say), all the same.
    texts.some((t) => t.toLowerCase().includes(API_TOKEN_PREFIX))
  )
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
