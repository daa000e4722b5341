import { Role } from '@juntos/common';
import { captureStatements, grant, makeLocal, makeWorkplace, useWorld } from '@juntos/test-support';

const LIMIT = 5;

const COUNTED = `query($l: ID!, $filter: MemberFilter) {
  members(localId: $l, filter: $filter, first: 2) { totalCount totalCountIsExact nodes { id } }
}`;
type Counted = { members: { totalCount: number; totalCountIsExact: boolean; nodes: { id: string }[] } };

/**
 * totalCount is counted only when selected, exactly up to MEMBER_COUNT_EXACT_LIMIT (5 here, so
 * the test seeds a handful of rows, not ten thousand) and estimated past it.
 */
describe('members totalCount', () => {
  const ctx = useWorld({ MEMBER_COUNT_EXACT_LIMIT: String(LIMIT) });

  /** A local with `n` members named García at one site and `others` named Smith at another. */
  async function local(n: number, others = 0) {
    const { t, w } = ctx;
    const id = await makeLocal(t.db, `Count ${n} ${Math.random()}`);
    const site = await makeWorkplace(t.db, id, { name: 'Garcia site' });
    const otherSite = await makeWorkplace(t.db, id, { name: 'Smith site' });
    const insert = (count: number, last: string, workplace: string) =>
      t.db.query(
        `insert into member (local_id, workplace_id, first_name, last_name)
         select $1, $2, 'Ana ' || i, $3 from generate_series(1, $4::int) i`,
        [id, workplace, last, count],
      );
    await insert(n, 'García', site);
    await insert(others, 'Smith', otherSite);
    await grant(t.db, id, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    await grant(t.db, id, w.own.users.STEWARD.id, Role.STEWARD, [site]);
    return id;
  }
  const count = async (token: string, localId: string, filter?: Record<string, unknown>) => {
    const res = await ctx.t.gql<Counted>(token, COUNTED, { l: localId, filter });
    expect(res.errors).toBeUndefined();
    const { totalCount, totalCountIsExact } = res.data!.members;
    return { totalCount, totalCountIsExact };
  };
  const organizer = () => ctx.w.own.users.ORGANIZER.token;
  const steward = () => ctx.w.own.users.STEWARD.token;

  it('is exact up to the limit, with or without a search', async () => {
    const id = await local(3, 2);
    expect(await count(organizer(), id)).toEqual({ totalCount: LIMIT, totalCountIsExact: true });
    expect(await count(organizer(), id, { search: 'garc' })).toEqual({
      totalCount: 3,
      totalCountIsExact: true,
    });
    expect(await count(organizer(), id, { search: 'nobody' })).toEqual({
      totalCount: 0,
      totalCountIsExact: true,
    });
  });

  it('is an estimate past the limit, marked as one and never below the limit plus one', async () => {
    const id = await local(LIMIT + 3, 4);
    const all = await count(organizer(), id);
    expect(all.totalCountIsExact).toBe(false);
    expect(all.totalCount).toBeGreaterThanOrEqual(LIMIT + 1);
    const search = await count(organizer(), id, { search: 'garc' });
    expect(search.totalCountIsExact).toBe(false);
    expect(search.totalCount).toBeGreaterThanOrEqual(LIMIT + 1);
  });

  it("counts within the viewer's scope: a steward's assigned site only, exactly below the limit", async () => {
    const id = await local(4, LIMIT + 5);
    expect(await count(steward(), id)).toEqual({ totalCount: 4, totalCountIsExact: true });
    // Another local's members are not counted for anyone outside it.
    const foreign = await ctx.t.gql(organizer(), COUNTED, { l: ctx.w.other.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('runs no count for a page that does not select totalCount, through fragments and @include too', async () => {
    const id = await local(3, 1);
    const run = (query: string, variables: Record<string, unknown> = {}) =>
      captureStatements(async () => {
        const res = await ctx.t.gql(organizer(), query, { l: id, ...variables });
        expect(res.errors).toBeUndefined();
      });
    const counts = (sql: string[]) => sql.filter((s) => /count\(/i.test(s)).length;

    const bare = await run(
      `query($l: ID!) { members(localId: $l, first: 2) { nodes { id } pageInfo { hasNextPage } } }`,
    );
    const skipped = await run(
      `query($l: ID!, $n: Boolean!) { members(localId: $l, first: 2) { nodes { id } totalCount @include(if: $n) } }`,
      { n: false },
    );
    const counted = await run(
      `query($l: ID!) { members(localId: $l, first: 2) { nodes { id } totalCount } }`,
    );
    const viaFragment = await run(
      `query($l: ID!) { members(localId: $l, first: 2) { ...C } } fragment C on MemberConnection { ... on MemberConnection { totalCount } }`,
    );
    expect(counts(bare)).toBe(0);
    expect(counts(skipped)).toBe(0);
    expect(counts(counted)).toBe(1);
    expect(counts(viaFragment)).toBe(1);
    expect(counted.length).toBe(bare.length + 1);
  });
});
