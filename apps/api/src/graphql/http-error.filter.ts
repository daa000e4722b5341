import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode } from '@juntos/common';
import { isConnectionFailure } from '@juntos/db';
import { DATABASE_UNAVAILABLE, loggable, valueRefused } from './format-error';

/** The HTTP status of every code in the closed list (ERROR_CODES): the compiler insists on all. */
export const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  UNREADABLE: 422, // stored data that does not decrypt where it is; no REST endpoint reads any today
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  // The GraphQL-only codes: Apollo and the limits answer these with 400 themselves.
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_LARGE: 400,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Every error under a REST endpoint (sign-in, health) gets a deliberate status: ours by code,
 * Nest's by its own, a value Postgres refused 400, a lost database 503. Only a bug is a 500, with no details. Under GraphQL
 * the error passes through to formatError.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost) {
    // Under GraphQL, Nest would hand a returned value to graphql-js as the field's result:
    // rethrow, so formatError gets the error itself.
    if (host.getType<string>() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof AppError) {
      const status = STATUS[error.code];
      return res.status(status).json({ statusCode: status, code: error.code, message: error.message });
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return res
        .status(error.getStatus())
        .json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
    }
    // body-parser and other express middleware raise http-errors with their own 4xx status
    // (413 for a body over the limit, 400 for malformed JSON).
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const expose = (error as { expose?: boolean }).expose;
      return res
        .status(status)
        .json({ statusCode: status, message: expose ? (error as Error).message : 'Bad request' });
    }
    // A value Postgres refused (out of range, malformed, past a check): the caller's, as in GraphQL.
    const refused = valueRefused(error);
    if (refused) {
      this.log.warn(`${refused.why} in ${host.switchToHttp().getRequest<{ path?: string }>().path ?? '?'}`);
      return res.status(400).json({ statusCode: 400, code: 'BAD_USER_INPUT', message: refused.message });
    }
    if (isConnectionFailure(error)) {
      this.log.warn(`database unavailable: ${(error as Error).message}`);
      return res.status(503).json({ statusCode: 503, message: DATABASE_UNAVAILABLE });
    }
    this.log.error({ err: loggable(error) }, 'unexpected error in a REST endpoint');
    return res.status(500).json({ statusCode: 500, message: 'Internal server error' });
  }
}
