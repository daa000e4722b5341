import { QueryFailedError } from 'typeorm';
import { uniqueConflict } from './unique-violation';

const violation = (code: string, constraint?: string) =>
  new QueryFailedError('insert', [], Object.assign(new Error('duplicate key'), { code, constraint }));

describe('uniqueConflict', () => {
  const known = { thing_name_key: { message: 'That name is taken.', field: 'name' } };
  it('names the refusal of a known constraint', () => {
    expect(uniqueConflict(violation('23505', 'thing_name_key'), known)?.extensions).toEqual({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(uniqueConflict(violation('23505', 'thing_name_key'), known)?.message).toBe('That name is taken.');
  });
  it('answers any other unique violation with a generic CONFLICT', () => {
    const e = uniqueConflict(violation('23505', 'other_key'), known);
    expect([e?.message, e?.extensions]).toEqual(['That already exists.', { code: 'CONFLICT' }]);
    expect(uniqueConflict(violation('23505'))?.message).toBe('That already exists.');
  });
  it('is null for anything else', () => {
    expect(uniqueConflict(violation('23503', 'thing_name_key'), known)).toBeNull();
    expect(uniqueConflict(new Error('x'))).toBeNull();
    expect(uniqueConflict(null)).toBeNull();
    expect(uniqueConflict(undefined)).toBeNull();
  });
});
