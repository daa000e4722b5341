import { RecordKind, RecordKindRegistry, recordKinds } from './record-kinds';

// Kinds as the feature modules declare them; this spec only needs some names.
const MEMBER = 'member' as RecordKind;
const SQL = 'select local_id, workplace_id from member where id = $1';

describe('record kinds', () => {
  it('gives the SQL a module registered', () => {
    const r = new RecordKindRegistry();
    r.register({ [MEMBER]: SQL });
    expect(r.sqlOf(MEMBER)).toBe(SQL);
    expect(r.kinds()).toEqual(['member']);
  });

  it('names a kind no module registered', () => {
    expect(() => new RecordKindRegistry().sqlOf(MEMBER)).toThrow('record kind "member" is not registered');
  });

  it('stops a second registration of one kind, naming it', () => {
    const r = new RecordKindRegistry();
    r.register({ [MEMBER]: SQL });
    expect(() => r.register({ [MEMBER]: SQL })).toThrow('record kind "member" is registered twice');
  });

  it('refuses SQL that does not place the record by id', () => {
    expect(() =>
      new RecordKindRegistry().register({ [MEMBER]: 'select local_id from member where id = $1' }),
    ).toThrow('record kind "member"');
  });

  it('registers through the provider a module lists', () => {
    const r = new RecordKindRegistry();
    const p = recordKinds({ [MEMBER]: SQL }) as { useFactory: (r: RecordKindRegistry) => unknown };
    p.useFactory(r);
    expect(r.sqlOf(MEMBER)).toBe(SQL);
  });
});
