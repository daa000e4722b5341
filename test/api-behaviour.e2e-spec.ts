import { makeUser, TEST_PASSWORD, TestApp, useWorld, World } from '@juntos/test-support';

describe('the API in development/test mode', () => {
  const ctx = useWorld();
  let t: TestApp;
  let w: World;
  beforeAll(() => {
    ({ t, w } = ctx);
  });

  it('pages the audit log newest first, with no duplicates or gaps', async () => {
    const admin = w.own.users.LOCAL_ADMIN.token;
    for (let i = 0; i < 7; i++) {
      const user = await makeUser(t.db);
      const res = await t.gql(
        admin,
        'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }',
        {
          input: { localId: w.own.id, userId: user.id, role: 'BOARD_MEMBER' },
        },
      );
      expect(res.errors).toBeUndefined();
    }
    const Q =
      'query($l: ID!, $after: String) { auditEvents(localId: $l, first: 3, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id at action actor { id } } } }';
    type Page = {
      auditEvents: {
        totalCount: number;
        pageInfo: { endCursor: string; hasNextPage: boolean };
        nodes: { id: string; at: string; actor: { id: string } }[];
      };
    };
    const seen: { id: string; at: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(admin, Q, {
        l: w.own.id,
        after,
      });
      expect(res.errors).toBeUndefined();
      const page: Page['auditEvents'] = res.data!.auditEvents;
      expect(page.totalCount).toBe(7);
      expect(page.nodes.every((n) => n.actor.id === w.own.users.LOCAL_ADMIN.id)).toBe(true);
      seen.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen.map((s) => s.id)).size).toBe(7);
    const times = seen.map((s) => Date.parse(s.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('refuses page sizes over 100 and forged cursors with BAD_USER_INPUT', async () => {
    const admin = w.own.users.LOCAL_ADMIN.token;
    const big = await t.gql(admin, 'query($l: ID!) { auditEvents(localId: $l, first: 101) { totalCount } }', {
      l: w.own.id,
    });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await t.gql(
      admin,
      'query($l: ID!) { auditEvents(localId: $l, after: "bm9wZQ") { totalCount } }',
      { l: w.own.id },
    );
    expect(forged.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badId = await t.gql(admin, '{ local(id: "not-a-uuid") { id } }');
    expect(badId.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps nothing of a request whose answer carries no data, even a mutation that had succeeded', async () => {
    const admin = w.own.users.LOCAL_ADMIN.token;
    const user = await makeUser(t.db);
    const before = (await t.db.query('select count(*)::int as n from audit_event')).rows[0].n;
    const res = await t.gql(
      admin,
      `mutation($ok: GrantRoleInput!, $bad: GrantRoleInput!) {
        first: grantRole(input: $ok) { id }
        second: grantRole(input: $bad) { id }
      }`,
      {
        ok: { localId: w.own.id, userId: user.id, role: 'ORGANIZER' },
        bad: { localId: w.own.id, userId: '00000000-0000-4000-8000-000000000000', role: 'ORGANIZER' },
      },
    );
    // Mutation fields are non-null, so the failure nulls the whole answer: the client cannot see
    // that `first` ran, and so it must not have.
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    const { rows } = await t.db.query('select role from role_assignment where user_id = $1', [user.id]);
    expect(rows).toEqual([]);
    const after = (await t.db.query('select count(*)::int as n from audit_event')).rows[0].n;
    expect(after).toBe(before);
  });

  it('refuses batched requests', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('tells a broken query (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED) from a bad value (BAD_USER_INPUT)', async () => {
    const token = w.own.users.ORGANIZER.token;
    const codes = (res: { status: number; errors?: { extensions: { code: string } }[] }) => [
      res.status,
      ...(res.errors ?? []).map((e) => e.extensions.code),
    ];
    expect(codes(await t.gql(token, '{ me { id }'))).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    expect(codes(await t.gql(token, '{ me { nope } }'))).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    // A literal of the wrong type is part of the query text: it does not validate.
    expect(codes(await t.gql(token, '{ workplaces(localId: "x", first: "ten") { totalCount } }'))).toEqual([
      400,
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    // The same value in a variable is a bad value.
    const bad = await t.gql(
      token,
      'query($l: ID!, $n: Int) { workplaces(localId: $l, first: $n) { totalCount } }',
      { l: w.own.id, n: 'ten' },
    );
    expect(codes(bad)).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('answers introspection outside production', async () => {
    const res = await t.gql(w.own.users.ORGANIZER.token, '{ __schema { queryType { name } } }');
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('the API in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection off and drops "did you mean" suggestions', async () => {
    const intro = await t.gql(null, '{ __schema { queryType { name } } }');
    expect(intro.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql(null, '{ locls { id } }');
    expect(typo.errors?.[0].message).toBe('Cannot query field "locls" on type "Query".');
    expect(typo.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toMatch(/stacktrace|Did you mean/);
  });
});

describe('bootstrap', () => {
  it('creates the platform admin from the environment when there are no users, once', async () => {
    const env = { BOOTSTRAP_ADMIN_EMAIL: 'First.Admin@Example.org', BOOTSTRAP_ADMIN_PASSWORD: TEST_PASSWORD };
    const t = await TestApp.create(env);
    try {
      const login = await t
        .http()
        .post('/auth/login')
        .send({ email: 'first.admin@example.org', password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      const me = await t.gql(login.body.accessToken, '{ me { email isPlatformAdmin roles { id } } }');
      expect(me.data).toEqual({ me: { email: 'first.admin@example.org', isPlatformAdmin: true, roles: [] } });
      // A restart finds a user and creates nobody.
      await t.app
        .get((await import('../apps/api/src/modules/accounts/bootstrap.service')).BootstrapService)
        .onApplicationBootstrap();
      const { rows } = await t.db.query('select count(*)::int as n from app_user');
      expect(rows[0].n).toBe(1);
    } finally {
      await t.close();
    }
  });
});
