import { buildSchema, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { operationCost } from './query-cost';

const schema = buildSchema(`
  type Query { members(first: Int): MemberConnection! dashboard: Dashboard! }
  type Dashboard { memberCount: Int! workplaces: [Stats!]! }
  type Stats { name: String! memberCount: Int! }
  type MemberConnection { nodes: [Member!]! totalCount: Int! }
  type Member { id: ID! name: String! oneOnOnes(first: Int): OneOnOneConnection! }
  type OneOnOneConnection { nodes: [OneOnOne!]! }
  type OneOnOne { id: ID! notes: String }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return operationCost(schema, op, fragments, variables);
}

describe('operationCost', () => {
  it('counts each field once per parent, multiplied by list sizes', () => {
    // members 1 + (nodes, id, name) × 10
    expect(cost('{ members(first: 10) { nodes { id name } } }')).toBe(1 + 10 + 20);
  });

  it('uses a variable first, and a connection default of 50 without one', () => {
    expect(cost('query($n: Int) { members(first: $n) { nodes { id } } }', { n: 5 })).toBe(1 + 5 + 5);
    expect(cost('{ members { nodes { id } } }')).toBe(1 + 50 + 50);
  });

  it('makes a 100 × 100 fan-out cost tens of thousands, and a dashboard only a handful', () => {
    const fanOut = cost(
      '{ members(first: 100) { nodes { id oneOnOnes(first: 100) { nodes { id notes } } } } }',
    );
    expect(fanOut).toBe(1 + 100 * 3 + 100 * 100 * 3);
    expect(cost('{ dashboard { memberCount workplaces { name memberCount } } }')).toBe(5);
  });

  it('follows fragments and inline fragments', () => {
    expect(
      cost(
        '{ members(first: 2) { ...M } } fragment M on MemberConnection { nodes { ... on Member { id } } }',
      ),
    ).toBe(1 + 2 + 2);
  });

  it('does not count introspection fields', () => {
    expect(cost('{ __typename members(first: 1) { __typename nodes { id } } }')).toBe(3);
  });
});
