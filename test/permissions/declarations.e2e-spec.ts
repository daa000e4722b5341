import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from '@juntos/test-support';
import { declarations } from '../../apps/api/src/graphql/declarations';

describe('permission declarations', () => {
  const decls = declarations();

  it('declare a capability or @Public() on every resolver method', () => {
    expect(decls.filter((d) => d.capability === null)).toEqual([]);
  });

  it('are unchanged, or the change shows in review as a permission change', () => {
    // To accept a deliberate change: npx jest test/permissions -u, and review the snapshot diff.
    const table = decls.map((d) => `${d.operation.padEnd(36)} ${d.capability}`).join('\n');
    expect(table).toMatchSnapshot();
  });

  it('cover the schema the API serves, which is the committed schema.gql', async () => {
    const t = await TestApp.create();
    try {
      const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
      expect(served).toBe(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8'));
    } finally {
      await t.close();
    }
  });
});
