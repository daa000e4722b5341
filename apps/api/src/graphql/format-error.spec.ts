import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, conflict, ERROR_CODES, notFound, queryTooLarge } from '@juntos/common';
import { formatError, loggable } from './format-error';
import { STATUS } from './http-error.filter';

const wrap = (original: unknown) =>
  new GraphQLError('wrapped', { originalError: original as Error, path: ['x'] });
const formatted = (message: string, code?: string): GraphQLFormattedError => ({
  message,
  path: ['x'],
  extensions: code ? { code } : {},
});

describe('formatError', () => {
  const format = formatError(true);
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('keeps our own codes and messages', () => {
    expect(format(formatted('x'), wrap(notFound('Member')))).toMatchObject({
      message: 'Member not found.',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(format(formatted('x'), wrap(conflict('Taken.')))).toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('turns a validation refusal into BAD_USER_INPUT naming the field', () => {
    const e = new BadRequestException({ message: 'name must be 1 to 200 characters', field: 'name' });
    expect(format(formatted('x'), wrap(e))).toEqual({
      path: ['x'],
      locations: undefined,
      message: 'name must be 1 to 200 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });

  it('answers a data exception that slipped past the input checks as BAD_USER_INPUT, without its SQL', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    for (const code of ['22P02', '22008', '22003', '22001']) {
      const driver = Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code });
      const out = format(
        formatted('x'),
        wrap(new QueryFailedError('select $1::timestamptz', ['0000'], driver)),
      );
      expect(out).toEqual({
        path: ['x'],
        locations: undefined,
        message: 'A value is malformed or out of range.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('answers a foreign key that met a record removed meanwhile as NOT_FOUND, and a delete of a referenced one as CONFLICT', () => {
    const fk = (detail: string) =>
      wrap(
        new QueryFailedError(
          'insert into signature …',
          [],
          Object.assign(new Error('violates foreign key constraint'), { code: '23503', detail }),
        ),
      );
    expect(format(formatted('x'), fk('Key (member_id)=(…) is not present in table "member".'))).toMatchObject(
      {
        message: 'A record this change refers to no longer exists. Nothing was saved.',
        extensions: { code: 'NOT_FOUND' },
      },
    );
    expect(
      format(formatted('x'), fk('Key (id)=(…) is still referenced from table "signature".')),
    ).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('hides everything about an unexpected error: no stack, no SQL, no driver text', () => {
    const boom = new QueryFailedError(
      'select * from member where email = $1',
      ['rosa@example.org'],
      new Error('relation "member" does not exist'),
    );
    const out = format(
      { ...formatted('relation "member" does not exist'), extensions: { stacktrace: ['at x'] } },
      wrap(boom),
    );
    expect(out).toEqual({
      path: ['x'],
      locations: undefined,
      message: 'Internal error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('maps a unique violation to CONFLICT', () => {
    const dup = new QueryFailedError(
      'insert',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(format(formatted('x'), wrap(dup)).extensions).toEqual({ code: 'CONFLICT' });
  });

  it.each(['40P01', '40001'])(
    'maps %s (a deadlock, a serialization failure) to CONFLICT: try again',
    (code) => {
      const clash = new QueryFailedError(
        'update',
        [],
        Object.assign(new Error('deadlock detected'), { code }),
      );
      const out = format(formatted('deadlock detected'), wrap(clash));
      expect(out.extensions).toEqual({ code: 'CONFLICT' });
      expect(out.message).toMatch(/Nothing was saved; try again/);
    },
  );

  it("keeps Apollo's codes for a query that does not parse or validate, without suggestions in production", () => {
    const out = format(
      formatted(
        'Cannot query field "membr" on type "Query". Did you mean "member"?',
        'GRAPHQL_VALIDATION_FAILED',
      ),
      new GraphQLError('v'),
    );
    expect(out).toMatchObject({
      message: 'Cannot query field "membr" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      format(
        formatted('Syntax Error: Expected Name, found "}".', 'GRAPHQL_PARSE_FAILED'),
        new GraphQLError('p'),
      ).extensions,
    ).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    // A variable of the wrong type is a bad value, not a broken query.
    expect(
      format(
        formatted(
          'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"',
          'BAD_USER_INPUT',
        ),
        new GraphQLError('c'),
      ).extensions,
    ).toEqual({ code: 'BAD_USER_INPUT' });
    const dev = formatError(false)(
      formatted(
        'Cannot query field "membr" on type "Query". Did you mean "member"?',
        'GRAPHQL_VALIDATION_FAILED',
      ),
      new GraphQLError('v'),
    );
    expect(dev.message).toContain('Did you mean');
  });

  it('answers a limit refusal as QUERY_TOO_LARGE, keeping its message and dropping the status hint', () => {
    // An armor rule's refusal, as Apollo wraps a validation error (originalError is the reported one).
    const depth = queryTooLarge('Syntax Error: Query depth limit of 10 exceeded, found 11.');
    const validation = new GraphQLError(depth.message, {
      originalError: depth,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(formatted(depth.message, 'GRAPHQL_VALIDATION_FAILED'), validation)).toEqual({
      locations: undefined,
      path: ['x'],
      message: 'Syntax Error: Query depth limit of 10 exceeded, found 11.',
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
    // The cost plugin throws before execution, with Apollo's status hint.
    const cost = new AppError('QUERY_TOO_LARGE', 'This query would cost 10001.', { http: { status: 400 } });
    expect(format(formatted(cost.message, 'QUERY_TOO_LARGE'), cost).extensions).toEqual({
      code: 'QUERY_TOO_LARGE',
    });
    // graphql-js counts tokens while parsing: the parse fails, and that failure is the limit.
    const tokens = 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.';
    expect(format(formatted(tokens, 'GRAPHQL_PARSE_FAILED'), new GraphQLError(tokens)).extensions).toEqual({
      code: 'QUERY_TOO_LARGE',
    });
  });

  it('answers only codes of the closed list, each with an HTTP status for REST', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const driver = (code: string, detail = '') =>
      wrap(new QueryFailedError('q', [], Object.assign(new Error('driver'), { code, detail })));
    // One input down every path of the formatter.
    const inputs: [GraphQLFormattedError, unknown][] = [
      ...ERROR_CODES.map((code): [GraphQLFormattedError, unknown] => [
        formatted('x'),
        wrap(new AppError(code, 'm')),
      ]),
      ...Array.from({ length: 200 }, (_, i): [GraphQLFormattedError, unknown] => [
        formatted('x'),
        wrap(new HttpException('m', 400 + i)),
      ]),
      ...['23505', '22P02', '40P01', '40001', '42P01'].map((c): [GraphQLFormattedError, unknown] => [
        formatted('x'),
        driver(c),
      ]),
      [formatted('x'), driver('23503', 'Key (id)=(…) is still referenced from table "x".')],
      [formatted('x'), driver('23503', 'Key (id)=(…) is not present in table "x".')],
      [formatted('x'), wrap(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))],
      ...[
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'BAD_USER_INPUT',
        'PERSISTED_QUERY_NOT_FOUND',
        'PERSISTED_QUERY_NOT_SUPPORTED',
        'OPERATION_RESOLUTION_FAILURE',
        'BAD_REQUEST',
        'INTERNAL_SERVER_ERROR',
        'SOMETHING_ELSE',
        'constructor',
      ].map((code): [GraphQLFormattedError, unknown] => [formatted('x', code), new GraphQLError('x')]),
      [formatted('x'), new Error('boom')],
    ];
    const sent = new Set(inputs.map(([f, e]) => format(f, e).extensions.code));
    for (const code of sent) expect(ERROR_CODES).toContain(code);
    for (const code of ERROR_CODES) expect(STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('loggable', () => {
  it('keeps a database error’s SQLSTATE, constraint and message, and drops its parameters and the row Postgres quotes', () => {
    const driverError = Object.assign(
      new Error('new row for relation "incident" violates check constraint'),
      {
        code: '23514',
        constraint: 'incident_location_check',
        table: 'incident',
        detail: 'Failing row contains (…, Corner of 5th and Main, …).',
      },
    );
    const e = new QueryFailedError('insert into incident …', ['Corner of 5th and Main'], driverError);
    const logged = loggable(e) as Error & Record<string, unknown>;
    expect(logged).toMatchObject({ code: '23514', constraint: 'incident_location_check', table: 'incident' });
    expect(JSON.stringify({ ...logged, message: logged.message, stack: logged.stack })).not.toMatch(
      /5th and Main/,
    );
    expect(logged).not.toHaveProperty('parameters');
    expect(logged).not.toHaveProperty('driverError');
  });

  it('answers a check violation BAD_USER_INPUT, never a 500', () => {
    const driverError = Object.assign(new Error('violates check constraint'), { code: '23514' });
    const e = new QueryFailedError('insert …', ['x'], driverError);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(formatError(true)(formatted('x'), wrap(e)).extensions.code).toBe('BAD_USER_INPUT');
  });
});
