import { captureStatements, useWorld } from '@juntos/test-support';

/**
 * Every keyset connection counts only when the request selects totalCount (keysetPage hands
 * GraphQL a count to call), and once however often it is selected. Counting statements, not time.
 */
describe('connections count only when asked', () => {
  const ctx = useWorld();

  const countsIn = async (query: string) => {
    const sql = await captureStatements(async () => {
      const res = await ctx.t.gql(ctx.w.own.users.ORGANIZER.token, query, { l: ctx.w.own.id });
      expect(res.errors).toBeUndefined();
    });
    return sql.filter((s) => /count\(/i.test(s)).length;
  };

  it.each([
    ['events', 'events(localId: $l, first: 5)'],
    ['petitions', 'petitions(localId: $l, first: 5)'],
    ['workplaces', 'workplaces(localId: $l, first: 5)'],
  ])('%s: no count without totalCount, one with it, one for two aliases of it', async (_name, field) => {
    expect(await countsIn(`query($l: ID!) { ${field} { nodes { id } pageInfo { hasNextPage } } }`)).toBe(0);
    expect(await countsIn(`query($l: ID!) { ${field} { nodes { id } totalCount } }`)).toBe(1);
    expect(await countsIn(`query($l: ID!) { ${field} { totalCount again: totalCount } }`)).toBe(1);
  });
});
