import { BadRequestException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { conflict, notFound } from '@juntos/common';
import { formatError } from './format-error';

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

  it('reports malformed queries as BAD_USER_INPUT, without suggestions in production', () => {
    const out = format(
      formatted(
        'Cannot query field "membr" on type "Query". Did you mean "member"?',
        'GRAPHQL_VALIDATION_FAILED',
      ),
      new GraphQLError('v'),
    );
    expect(out).toMatchObject({
      message: 'Cannot query field "membr" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const dev = formatError(false)(
      formatted(
        'Cannot query field "membr" on type "Query". Did you mean "member"?',
        'GRAPHQL_VALIDATION_FAILED',
      ),
      new GraphQLError('v'),
    );
    expect(dev.message).toContain('Did you mean');
  });
});
