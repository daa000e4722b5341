import { HttpException, Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '@juntos/common';
import { isConnectionFailure, uniqueConflict } from '@juntos/db';

const log = new Logger('GraphQL');

export const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Try again in a moment.';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
};

/** What the formatter answers: always one code of the closed list (ERROR_CODES). */
export type FormattedError = GraphQLFormattedError & {
  extensions: { code: ErrorCode; [key: string]: unknown };
};

// Errors graphql-js and Apollo raise themselves for a malformed request: the client's fault. A
// query that does not parse or fit the schema keeps Apollo's code, so a client tells a broken
// query from a bad value; a variable of the wrong type, and the rest, read BAD_USER_INPUT.
const REQUEST_ERRORS: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

// graphql-js's own token limit (parseOptions.maxTokens in limits.ts) fails the parse with this
// message ("more that" is graphql-js's spelling): a limit refusal, not a broken query.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more th(?:at|an) \d+ tokens\./;

/**
 * One formatter for every error leaving the API: a known code and a safe message. Anything
 * unexpected is logged here and reaches the client as a bare INTERNAL_SERVER_ERROR: no stack,
 * no SQL, no driver message.
 */
export function formatError(hideSuggestions: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): FormattedError => {
    const wrapped = (error as { originalError?: unknown })?.originalError ?? error;
    // graphql-js wraps a thrown value that is not an Error (from another realm, say) as NonErrorThrown.
    const original = (wrapped as { thrownValue?: unknown })?.thrownValue ?? wrapped;
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      // `http` is Apollo's status hint (a limit refusal's 400), read before formatting, never sent.
      const { code: _code, http: _http, ...extra } = original.extensions;
      return { ...base, message: original.message, extensions: { ...extra, code: original.code } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_CODES[original.getStatus()] ?? 'BAD_USER_INPUT';
      const body = original.getResponse() as { message?: string | string[]; field?: string } | string;
      const message = typeof body === 'string' ? body : [body.message ?? original.message].flat().join('; ');
      const field = typeof body === 'object' && body.field ? { field: body.field } : {};
      return { ...base, message, extensions: { code, ...field } };
    }
    if (original instanceof QueryFailedError) {
      const pgCode = (original.driverError as { code?: string } | undefined)?.code;
      const duplicate = uniqueConflict(original);
      if (duplicate) return { ...base, message: duplicate.message, extensions: { code: 'CONFLICT' } };
      // A foreign key met a record that a concurrent request removed (a member merged away or
      // erased while a signature was being added), or a delete met a record still referenced.
      if (pgCode === '23503') {
        const stillReferenced = /is still referenced/.test(
          (original.driverError as { detail?: string } | undefined)?.detail ?? '',
        );
        return stillReferenced
          ? { ...base, message: 'Other records still refer to this one.', extensions: { code: 'CONFLICT' } }
          : {
              ...base,
              message: 'A record this change refers to no longer exists. Nothing was saved.',
              extensions: { code: 'NOT_FOUND' },
            };
      }
      const refused = valueRefused(original);
      if (refused) {
        log.warn(`${refused.why} in ${formatted.path?.join('.') ?? 'an operation'}`);
        return { ...base, message: refused.message, extensions: { code: 'BAD_USER_INPUT' } };
      }
      // A deadlock or serialization failure: two writes met (say, on a shared counter); Postgres
      // rolled this one back whole.
      if (pgCode === '40P01' || pgCode === '40001')
        return {
          ...base,
          message:
            'Another change to the same records happened at the same moment. Nothing was saved; try again.',
          extensions: { code: 'CONFLICT' },
        };
    }
    if (isConnectionFailure(original)) {
      log.warn(`database unavailable during a GraphQL operation: ${(original as Error).message}`);
      return { ...base, message: DATABASE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && Object.hasOwn(REQUEST_ERRORS, code)) {
      const message = hideSuggestions
        ? formatted.message.replace(/ ?Did you mean .*\?$/, '')
        : formatted.message;
      const tooLarge = code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message);
      return { ...base, message, extensions: { code: tooLarge ? 'QUERY_TOO_LARGE' : REQUEST_ERRORS[code] } };
    }
    log.error({ err: loggable(original), path: formatted.path }, 'unexpected error in a GraphQL operation');
    return { ...base, message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * A value Postgres itself refused, for a BAD_USER_INPUT (GraphQL) or a 400 (REST), or null.
 * Class 22 is a data exception: a value out of range or malformed (a date Postgres cannot hold, a
 * number too large). 23514 is a check constraint: the database's own bound on a value (a text's
 * length in characters). Input checks should stop these first; one that slips through is still
 * the caller's value, never a 500. `why` is for the log (never the value), so the check can be added.
 */
export function valueRefused(e: unknown): { message: string; why: string } | null {
  if (!(e instanceof QueryFailedError)) return null;
  const { code, constraint } = (e.driverError ?? {}) as { code?: string; constraint?: string };
  if (code === '23514')
    return { message: 'A value is out of range.', why: `check ${constraint ?? '?'} refused a value` };
  if (code?.startsWith('22'))
    return { message: 'A value is malformed or out of range.', why: `data exception ${code} reached SQL` };
  return null;
}

/**
 * A database error as the logs may keep it: its SQLSTATE, constraint and message, never the
 * statement's parameters or the row Postgres quotes in `detail` (they hold names, places, notes).
 */
export function loggable(e: unknown): unknown {
  if (!(e instanceof QueryFailedError)) return e;
  const driver = (e.driverError ?? {}) as { code?: string; constraint?: string; table?: string };
  const safe = new Error(e.message);
  safe.name = 'QueryFailedError';
  safe.stack = `${safe.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`;
  return Object.assign(safe, { code: driver.code, constraint: driver.constraint, table: driver.table });
}
