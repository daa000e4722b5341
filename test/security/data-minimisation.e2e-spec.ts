import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { TestApp } from '@juntos/test-support';

/**
 * Juntos never collects immigration or citizenship status, visa, SSN, A-number or birthplace.
 * Long words match anywhere in a name ("citizenshipStatus"); short ones as whole words in any
 * case and with any separator ("A-Number", "ssn_last4"), so "advisable" is not flagged.
 */
const ANYWHERE = [
  'immigration',
  'citizenship',
  'citizen',
  'birthplace',
  'socialsecurity',
  'naturaliz',
  'deport',
];
const WHOLE_WORDS = ['visa', 'ssn', 'alien', 'anumber', 'itin'];

export function forbiddenName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const squashed = words.join('');
  if (ANYWHERE.some((w) => squashed.includes(w))) return true;
  const joinedPairs = words.slice(1).map((w, i) => words[i] + w); // "a number" → "anumber"
  return [...words, ...joinedPairs].some((w) => WHOLE_WORDS.includes(w));
}

describe('data minimisation', () => {
  it.each([
    'immigrationStatus',
    'CITIZENSHIP',
    'visa_type',
    'ssn',
    'ssnLast4',
    'a_number',
    'A-Number',
    'aNumber',
    'alien_registration',
    'birth_place',
    'birthPlace',
    'countryOfCitizenship',
  ])('flags %p', (name) => expect(forbiddenName(name)).toBe(true));

  it.each([
    'advisable',
    'lessons',
    'salient',
    'number',
    'workplace',
    'preferredLanguage',
    'supportLevel',
    'cardSignedAt',
  ])('does not flag %p', (name) => expect(forbiddenName(name)).toBe(false));

  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('finds no such column in the database', async () => {
    const { rows } = await t.db.query(
      `select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(
      rows.filter(
        (r: { table_name: string; column_name: string }) =>
          forbiddenName(r.column_name) || forbiddenName(r.table_name),
      ),
    ).toEqual([]);
  });

  it('finds no such type, field, argument or enum value in the GraphQL schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const names: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      names.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const f of Object.values(type.getFields())) names.push(f.name, ...f.args.map((a) => a.name));
      } else if (isInputObjectType(type)) {
        names.push(...Object.keys(type.getFields()));
      } else if (isEnumType(type)) {
        names.push(...type.getValues().map((v) => v.name));
      }
    }
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter(forbiddenName)).toEqual([]);
  });
});
