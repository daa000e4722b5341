import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLSchema,
  isListType,
  isObjectType,
  isScalarType,
  isEnumType,
  parse,
} from 'graphql';
import { resolverClasses } from './declarations';
import { operationCost, pageItems } from './query-cost';

/** The schema the API serves, built from the resolvers as scripts/emit-schema.ts does. */
let schema: GraphQLSchema;
let app: INestApplication;
beforeAll(async () => {
  app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  schema = await app.get(GraphQLSchemaFactory).create(resolverClasses());
});
afterAll(() => app.close());

const ID = '00000000-0000-4000-8000-000000000000';
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), undefined, { l: ID, w: ID, ...variables });

/** Fields whose answer can hold many records: a list of objects, or a connection. */
function fanOutFields(): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const named = getNamedType(field.type);
      if (isScalarType(named) || isEnumType(named)) continue; // values inside the parent's row
      const list = isListType(getNullableType(field.type));
      const connection = named.name.endsWith('Connection');
      // A connection's own `nodes` is costed by the field that returns the connection.
      if (type.name.endsWith('Connection') && field.name === 'nodes') continue;
      if (list || connection) out.push(`${type.name}.${field.name}`);
    }
  }
  return out.sort();
}

describe('every list and connection declares its cost', () => {
  it('finds the lists to check (the walk itself works)', () => {
    expect(fanOutFields()).toEqual(
      expect.arrayContaining(['Query.members', 'Query.myFollowUps', 'Workplace.units', 'Member.oneOnOnes']),
    );
  });

  it('has a complexity on each, so a new list field cannot be forgotten', () => {
    const missing = fanOutFields().filter((name) => {
      const [type, field] = name.split('.');
      const def = (
        schema.getType(type) as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
      ).getFields()[field];
      return def.extensions?.complexity === undefined;
    });
    // Add `complexity: pageCost` (a connection, or a list with `first`) or
    // `complexity: listCost(LIST_MAX.<its real maximum>)` to the field's decorator.
    expect(missing).toEqual([]);
  });
});

describe('operationCost on the served schema', () => {
  it('multiplies a connection by its first, or the default page of 50', () => {
    // members: 1 + 10 × (nodes 1 + id 1)
    expect(cost('query($l: ID!) { members(localId: $l, first: 10) { nodes { id } } }')).toBe(1 + 10 * 2);
    expect(cost('query($l: ID!) { members(localId: $l) { nodes { id } } }')).toBe(1 + 50 * 2);
    expect(
      cost('query($l: ID!, $n: Int) { members(localId: $l, first: $n) { nodes { id } } }', { n: 7 }),
    ).toBe(1 + 7 * 2);
  });

  it('never counts more than the largest page a resolver will serve', () => {
    expect(pageItems(1000)).toBe(100);
    expect(pageItems(0)).toBe(1);
    expect(pageItems(undefined)).toBe(50);
    expect(cost('query($l: ID!) { members(localId: $l, first: 5000) { nodes { id } } }')).toBe(1 + 100 * 2);
  });

  it("costs the issue's query by what it can return: follow-ups × conversations", () => {
    // Before: myFollowUps counted as one, so this cost ~300 and returned 30,001 conversations.
    const q = (f: string) =>
      `query($l: ID!) { myFollowUps(localId: $l${f}) { member { oneOnOnes(first: 100) { nodes { notes } } } } }`;
    const perFollowUp = 1 + (1 + 100 * (1 + 1)); // member + oneOnOnes(100 × (nodes + notes))
    expect(cost(q(''))).toBe(1 + 50 * perFollowUp); // 10,101: over the default 10,000
    expect(cost(q(', first: 100'))).toBe(1 + 100 * perFollowUp);
    expect(cost(q(', first: 3'))).toBe(1 + 3 * perFollowUp);
  });

  it('counts a plain list by its real maximum (1,000 units of a workplace)', () => {
    expect(cost('query($w: ID!) { workplace(id: $w) { units { name } } }')).toBe(1 + 1 + 1000 * 1);
  });

  it("costs a steward's phone asking for its workplaces by the real caps: 10 roles, 50 workplaces each", () => {
    // Before: 100 roles × 500 workplaces, 100,603, so the app's own `me` query was refused.
    const q = '{ me { id roles { id role local { id name } workplaces { id name } } } }';
    const perRole = 1 + 1 + (1 + 2) + (1 + 50 * 2); // id, role, local { id name }, workplaces × 50
    expect(cost(q)).toBe(1 + 1 + (1 + 10 * perRole)); // me, id, roles × 10: 1,063
    expect(cost(q)).toBeLessThan(10_000 / 5);
  });

  it('counts each alias, fragments and inline fragments', () => {
    const one = cost('query($l: ID!) { members(localId: $l, first: 2) { nodes { id } } }');
    expect(
      cost(
        'query($l: ID!) { a: members(localId: $l, first: 2) { ...M } b: members(localId: $l, first: 2) { nodes { ... on Member { id } } } } fragment M on MemberConnection { nodes { id } }',
      ),
    ).toBe(2 * one);
  });

  it('costs only the operation that runs', () => {
    const doc = parse(
      'query A { me { id } } query B($l: ID!) { members(localId: $l, first: 100) { nodes { id } } }',
    );
    expect(operationCost(schema, doc, 'A')).toBe(2);
    expect(operationCost(schema, doc, 'B', { l: ID })).toBe(201);
  });

  it('refuses what it cannot cost: a fragment bomb', () => {
    // Each fragment spreads the next twice: 2^15 copies of `id`, from a few hundred tokens.
    const levels = 15;
    const frags = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on User { ${i === levels - 1 ? 'id' : `...F${i + 1} ...F${i + 1}`} }`,
    ).join(' ');
    expect(() => cost(`{ me { ...F0 } } ${frags}`)).toThrow(/maximum allowed number of nodes/);
  });
});
