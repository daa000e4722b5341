import { GraphQLError } from 'graphql';

/**
 * Every code a client may see in `extensions.code`, closed: the formatter (format-error.ts) and the
 * REST filter send nothing else, and a test holds them to it. README "Who may do what" documents each.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  /** Also a record outside the viewer's scope, so that "missing" and "not yours" read the same. */
  'NOT_FOUND',
  /** A value the request carries is refused (a field's rule, a variable of the wrong type). */
  'BAD_USER_INPUT',
  'CONFLICT',
  /** An encrypted field that does not decrypt where it is stored (copied from another row, tampered). */
  'UNREADABLE',
  /** Too many sign-in attempts, or an account locked for a while. */
  'TOO_MANY_REQUESTS',
  /** The database is unreachable: try again in a moment. */
  'SERVICE_UNAVAILABLE',
  /** The query text does not parse (Apollo's own code). */
  'GRAPHQL_PARSE_FAILED',
  /** The query does not fit the schema: an unknown field or argument, a wrong type (Apollo's own code). */
  'GRAPHQL_VALIDATION_FAILED',
  /** A GraphQL limit refused the operation: tokens, depth, aliases, directives, cost or answer size. */
  'QUERY_TOO_LARGE',
  /** A bug: no details leave the server. */
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Sign in to continue.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('FORBIDDEN', message);
/** Also used for records outside the viewer's scope, so that "missing" and "not yours" read the same. */
export const notFound = (what = 'Record') => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
export const conflict = (message: string, field?: string) =>
  new AppError('CONFLICT', message, field ? { field } : {});
/** A GraphQL limit's refusal, before any resolver runs. */
export const queryTooLarge = (message: string) => new AppError('QUERY_TOO_LARGE', message);
