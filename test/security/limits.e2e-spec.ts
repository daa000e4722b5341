import { makeUser, TestApp, useWorld } from '@juntos/testing';

/** A refusal of the request itself: HTTP 400 (never 500) and BAD_USER_INPUT. */
function expectRefused(
  res: { status: number; errors?: { message: string; extensions: { code: string } }[] },
  message: RegExp,
) {
  expect(res.status).toBe(400);
  expect(res.errors?.map((e) => e.extensions.code)).toContain('BAD_USER_INPUT');
  expect(res.errors?.some((e) => message.test(e.message))).toBe(true);
}

describe('GraphQL limits at their defaults, each at N and N+1', () => {
  const ctx = useWorld();
  const token = () => ctx.w.own.users.ORGANIZER.token;

  it('tokens: 2,000 pass, 2,001 do not', async () => {
    // `{` + k × `__typename` + `}` is k + 2 tokens.
    const at = await ctx.t.gql(null, `{ ${'__typename '.repeat(1998)}}`);
    expect(at.errors).toBeUndefined();
    expectRefused(await ctx.t.gql(null, `{ ${'__typename '.repeat(1999)}}`), /more that 2000 tokens/);
  });

  it('aliases: 15 pass, 16 do not', async () => {
    // armor does not count aliases of __typename, so the probe aliases a real field.
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: locals { id }`).join(' ')} }`;
    expect((await ctx.t.gql(token(), aliases(15))).errors).toBeUndefined();
    expectRefused(await ctx.t.gql(token(), aliases(16)), /Aliases limit of 15 exceeded/);
  });

  it('directives: 10 pass, 11 do not', async () => {
    const directives = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
    expect((await ctx.t.gql(null, directives(10))).errors).toBeUndefined();
    expectRefused(await ctx.t.gql(null, directives(11)), /Directives limit of 10 exceeded/);
  });

  it('depth: 10 is allowed; 11 is refused', async () => {
    // The schema has no cycles deep enough for 11 real levels, so the probe nests an unknown
    // field: the depth rule reports on its own, alongside the unknown-field error.
    const nested = (n: number) => '{ me ' + '{ x '.repeat(n - 2) + '{ id }' + ' }'.repeat(n - 2) + ' }';
    const ten = await ctx.t.gql(token(), nested(10));
    expect(ten.errors?.some((e) => /depth limit/i.test(e.message))).toBe(false);
    expectRefused(await ctx.t.gql(token(), nested(11)), /Query depth limit of 10 exceeded/);
  });

  it('cost: a page of 100 members passes; 100 aliased pages do not', async () => {
    const { t, w } = ctx;
    const page = await t.gql(
      token(),
      'query($l: ID!) { members(localId: $l, first: 100) { totalCount nodes { id firstName lastName workplace { name } } } }',
      {
        l: w.own.id,
      },
    );
    expect(page.errors).toBeUndefined();
    const fanOut = `query($l: ID!) { ${Array.from({ length: 15 }, (_, i) => `p${i}: members(localId: $l, first: 100) { nodes { id firstName lastName email phone tags status } }`).join(' ')} }`;
    expectRefused(await t.gql(token(), fanOut, { l: w.own.id }), /over the limit of 10000/);
  });

  it("cost: a page with each member's last conversation passes; members × one-on-ones at 100 × 100 does not", async () => {
    const { t, w } = ctx;
    const page = await t.gql(
      token(),
      'query($l: ID!) { members(localId: $l, first: 50) { nodes { id firstName workplace { name } oneOnOnes(first: 1) { nodes { occurredAt supportLevel } } } } }',
      { l: w.own.id },
    );
    expect(page.errors).toBeUndefined();
    const fanOut = await t.gql(
      token(),
      'query($l: ID!) { members(localId: $l, first: 100) { nodes { id oneOnOnes(first: 100) { nodes { id notes } } } } }',
      { l: w.own.id },
    );
    expectRefused(fanOut, /would cost 30301, over the limit of 10000/);
  });

  it('first: 100 passes, 101 does not', async () => {
    const { t, w } = ctx;
    const Q = 'query($l: ID!, $n: Int) { workplaces(localId: $l, first: $n) { totalCount } }';
    expect((await t.gql(token(), Q, { l: w.own.id, n: 100 })).errors).toBeUndefined();
    const over = await t.gql(token(), Q, { l: w.own.id, n: 101 });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('body: 2 MB of JSON is read, a byte more answers 413', async () => {
    const body = (size: number) => {
      const shell = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
      return shell.replace('"pad":""', `"pad":"${'a'.repeat(size - shell.length)}"`);
    };
    const limit = 2 * 1024 * 1024;
    const post = (raw: string) =>
      ctx.t.http().post('/graphql').set('content-type', 'application/json').send(raw);
    const at = await post(body(limit));
    expect(at.status).toBe(200);
    expect(at.body.data).toEqual({ __typename: 'Query' });
    const over = await post(body(limit + 1));
    expect(over.status).toBe(413);
  });

  it('refuses array batching', async () => {
    const res = await ctx.t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });
});

describe('GraphQL limits are configurable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ GRAPHQL_MAX_COST: '201', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_ALIASES: '2' });
  });
  afterAll(() => t.close());

  it('cost: exactly the limit passes, one more does not', async () => {
    const pa = await makeUser(t.db, { platformAdmin: true });
    const tok = t.tokenFor(pa.id);
    // me(1) + id(1) + members(1) + 99 × (nodes + id) = 201; one more field on me makes 202.
    const at = await t.gql(tok, '{ me { id } locals { id } }');
    expect(at.errors).toBeUndefined();
    const q = (meFields: string) =>
      `query($l: ID!) { me { ${meFields} } members(localId: $l, first: 99) { nodes { id } } }`;
    const ok = await t.gql(tok, q('id'), { l: '00000000-0000-4000-8000-000000000000' });
    expect(ok.errors?.every((e) => !/over the limit/.test(e.message))).toBe(true);
    expectRefused(
      await t.gql(tok, q('id email'), { l: '00000000-0000-4000-8000-000000000000' }),
      /would cost 202, over the limit of 201/,
    );
  });

  it('depth and aliases follow their settings', async () => {
    const pa = await makeUser(t.db, { platformAdmin: true });
    const tok = t.tokenFor(pa.id);
    expect((await t.gql(tok, '{ a: locals { id } b: locals { id } }')).errors).toBeUndefined();
    expectRefused(
      await t.gql(tok, '{ a: locals { id } b: locals { id } c: locals { id } }'),
      /Aliases limit of 2 exceeded/,
    );
    const depth4 = await t.gql(null, '{ me { roles { local { id } } } }');
    expectRefused(depth4, /Query depth limit of 3 exceeded/);
  });
});
