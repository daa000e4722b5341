import { buildSchema, GraphQLField, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BY_FULL_NAME, BY_NAME, BY_TIME, CursorShape, encodeCursor, Role } from '@juntos/common';
import {
  grant,
  makeAttendance,
  makeCampaign,
  makeCommittee,
  makeCommitteeContact,
  makeCommitteeMembership,
  makeEvent,
  makeLocal,
  makeMember,
  makeOneOnOne,
  makePetition,
  makeSignature,
  makeUser,
  TestApp,
  useWorld,
} from '@juntos/test-support';

/** A limit's refusal of the request itself: HTTP 400 (never 500) and QUERY_TOO_LARGE. */
function expectRefused(
  res: { status: number; errors?: { message: string; extensions: { code: string } }[] },
  message: RegExp,
) {
  expect(res.status).toBe(400);
  expect(res.errors?.find((e) => message.test(e.message))?.extensions.code).toBe('QUERY_TOO_LARGE');
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

  it('aliases: 5 pass, 6 do not', async () => {
    // armor does not count aliases of __typename, so the probe aliases a real field.
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await ctx.t.gql(token(), aliases(5))).errors).toBeUndefined();
    expectRefused(await ctx.t.gql(token(), aliases(6)), /Aliases limit of 5 exceeded/);
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

  it('cost: a page of 100 members passes; five such pages with their conversations do not', async () => {
    const { t, w } = ctx;
    const page = await t.gql(
      token(),
      'query($l: ID!) { members(localId: $l, first: 100) { totalCount nodes { id firstName lastName workplace { name } } } }',
      {
        l: w.own.id,
      },
    );
    expect(page.errors).toBeUndefined();
    const fanOut = `query($l: ID!) { ${Array.from({ length: 5 }, (_, i) => `p${i}: members(localId: $l, first: 100) { nodes { id oneOnOnes(first: 10) { nodes { id } } } }`).join(' ')} }`;
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
    const at = await t.gql(tok, '{ me { id } }');
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
    expect((await t.gql(tok, '{ a: me { id } b: me { id } }')).errors).toBeUndefined();
    expectRefused(
      await t.gql(tok, '{ a: me { id } b: me { id } c: me { id } }'),
      /Aliases limit of 2 exceeded/,
    );
    const depth4 = await t.gql(null, '{ me { roles { local { id } } } }');
    expectRefused(depth4, /Query depth limit of 3 exceeded/);
  });
});

describe("the cost limit bounds the work: the review's myFollowUps query", () => {
  const ctx = useWorld();
  // The organizer's own open follow-ups, on a member with conversations of their own.
  let memberId: string;
  beforeAll(async () => {
    const { t, w } = ctx;
    const organizer = w.own.users.ORGANIZER.id;
    memberId = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    for (let day = 1; day <= 3; day++)
      await makeOneOnOne(t.db, w.own.id, memberId, organizer, {
        followUpAt: new Date(Date.now() + day * 86_400_000),
      });
    for (let i = 0; i < 5; i++) await makeOneOnOne(t.db, w.own.id, memberId, organizer, { followUpAt: null });
  });
  const token = () => ctx.w.own.users.ORGANIZER.token;
  // 1 + F × (id 1 + member 1 + oneOnOnes (1 + K × (nodes 1 + notes 1))): F = 99, K = 49 is 10,000.
  const issueQuery = (extra = '') =>
    `query($l: ID!) { ${extra} myFollowUps(localId: $l, first: 99) { id member { oneOnOnes(first: 49) { nodes { notes } } } } }`;

  it('costs exactly the limit (10,000) and is served', async () => {
    const res = await ctx.t.gql<{ myFollowUps: { member: { oneOnOnes: { nodes: unknown[] } } }[] }>(
      token(),
      issueQuery(),
      { l: ctx.w.own.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.myFollowUps).toHaveLength(3);
    expect(res.data!.myFollowUps[0].member.oneOnOnes.nodes).toHaveLength(8);
  });

  it('one more field (10,001) is refused before any resolver runs', async () => {
    const res = await ctx.t.gql(token(), issueQuery('__typename'), { l: ctx.w.own.id });
    expectRefused(res, /would cost 10001, over the limit of 10000/);
    expect(res.data).toBeUndefined();
  });

  it('as the review sent it (no first: the default 50 × 100 conversations) it is refused', async () => {
    const res = await ctx.t.gql(
      token(),
      'query($l: ID!) { myFollowUps(localId: $l) { member { oneOnOnes(first: 100) { nodes { notes } } } } }',
      { l: ctx.w.own.id },
    );
    expectRefused(res, /would cost 10101, over the limit of 10000/);
  });

  it('myFollowUps takes first: soonest first, 50 by default, 1 to 100', async () => {
    const { t, w } = ctx;
    const Q = 'query($l: ID!, $n: Int) { myFollowUps(localId: $l, first: $n) { id followUpAt } }';
    const all = await t.gql<{ myFollowUps: { followUpAt: string }[] }>(token(), Q, { l: w.own.id });
    expect(all.data!.myFollowUps).toHaveLength(3);
    const two = await t.gql<{ myFollowUps: { followUpAt: string }[] }>(token(), Q, { l: w.own.id, n: 2 });
    expect(two.data!.myFollowUps).toEqual(all.data!.myFollowUps.slice(0, 2));
    expect((await t.gql(token(), Q, { l: w.own.id, n: 100 })).errors).toBeUndefined();
    for (const n of [0, 101]) {
      const over = await t.gql(token(), Q, { l: w.own.id, n });
      expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });
});

describe('the answer size is capped (GRAPHQL_MAX_RESPONSE_BYTES)', () => {
  let t: TestApp;
  const max = 1024;
  beforeAll(async () => {
    t = await TestApp.create({ GRAPHQL_MAX_RESPONSE_BYTES: String(max) });
  });
  afterAll(() => t.close());

  // `{"data":{"<alias>":"Query"}}` is 21 bytes plus the alias: the answer's size to the byte.
  const sized = (bytes: number) => `{ ${'a'.repeat(bytes - 21)}: __typename }`;

  it('an answer of exactly the limit is sent; one byte more is refused with QUERY_TOO_LARGE', async () => {
    const at = await t
      .http()
      .post('/graphql')
      .send({ query: sized(max) });
    expect(at.status).toBe(200);
    expect(Buffer.byteLength(at.text.trimEnd())).toBe(max);
    expect(at.body.errors).toBeUndefined();

    const over = await t
      .http()
      .post('/graphql')
      .send({ query: sized(max + 1) });
    expect(over.status).toBe(400);
    expect(over.body.data).toBeUndefined();
    expect(over.body.errors).toEqual([
      {
        message: `The answer would be ${max + 1} bytes, over the limit of ${max}: ask for fewer or smaller lists.`,
        extensions: { code: 'QUERY_TOO_LARGE' },
      },
    ]);
  });

  it('a mutation whose answer is refused keeps nothing', async () => {
    const local = await makeLocal(t.db);
    const admin = await makeUser(t.db);
    await grant(t.db, local, admin.id, Role.LOCAL_ADMIN);
    const tok = t.tokenFor(admin.id);
    const M =
      'mutation($l: ID!, $csv: String!) { importMembers(localId: $l, csv: $csv) { created errors { row message } } }';
    // One good row, then rows without a first name: each adds an error to the answer.
    const csv = (bad: number) =>
      ['firstName,lastName', 'Ana,Lopez', ...Array.from({ length: bad }, (_, i) => `,Nobody${i}`)].join('\n');
    const members = async () =>
      Number((await t.db.query('select count(*) from member where local_id = $1', [local])).rows[0].count);

    const refused = await t.gql(tok, M, { l: local, csv: csv(40) });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].message).toMatch(/over the limit of 1024/);
    expect(await members()).toBe(0);

    const kept = await t.gql<{ importMembers: { created: number } }>(tok, M, { l: local, csv: csv(1) });
    expect(kept.data?.importMembers.created).toBe(1);
    expect(await members()).toBe(1);
  });
});

describe('a crafted cursor is BAD_USER_INPUT on every paged field, never a 500', () => {
  const ctx = useWorld();
  const ids = { member: '', petition: '', event: '', committee: '', seat: '' };
  beforeAll(async () => {
    const { t, w } = ctx;
    ids.member = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await makeOneOnOne(t.db, w.own.id, ids.member, w.own.users.STEWARD.id);
    ids.petition = await makePetition(t.db, w.own.id, { status: 'OPEN' });
    await makeSignature(t.db, w.own.id, ids.petition, ids.member, w.own.users.ORGANIZER.id);
    await makeCampaign(t.db, w.own.id);
    ids.event = await makeEvent(t.db, w.own.id);
    await makeAttendance(t.db, w.own.id, ids.event, ids.member, w.own.users.ORGANIZER.id);
    ids.committee = await makeCommittee(t.db, w.own.id, { workplaceId: w.own.assigned });
    ids.seat = await makeCommitteeMembership(t.db, w.own.id, ids.committee, ids.member);
    const contact = await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await makeCommitteeContact(t.db, w.own.id, ids.seat, contact);
  });

  /** Every field with an `after` argument, the query reaching it and the shape of its cursor. */
  const PAGED: Record<string, { shape: CursorShape; query: string; vars: () => Record<string, string> }> = {
    'Query.members': {
      shape: BY_FULL_NAME,
      query:
        'query($l: ID!, $a: String) { x: members(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.workplaces': {
      shape: BY_NAME,
      query:
        'query($l: ID!, $a: String) { x: workplaces(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.oneOnOnes': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: oneOnOnes(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.petitions': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: petitions(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.campaigns': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: campaigns(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.auditEvents': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: auditEvents(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.roleAssignments': {
      shape: BY_NAME,
      query:
        'query($l: ID!, $a: String) { x: roleAssignments(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.possibleDuplicates': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: possibleDuplicates(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Member.oneOnOnes': {
      shape: BY_TIME,
      query:
        'query($m: ID!, $a: String) { member(id: $m) { x: oneOnOnes(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ m: ids.member }),
    },
    'Member.signatures': {
      shape: BY_TIME,
      query:
        'query($m: ID!, $a: String) { member(id: $m) { x: signatures(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ m: ids.member }),
    },
    'Member.attendances': {
      shape: BY_TIME,
      query:
        'query($m: ID!, $a: String) { member(id: $m) { x: attendances(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ m: ids.member }),
    },
    'Member.committeeSeats': {
      shape: BY_TIME,
      query:
        'query($m: ID!, $a: String) { member(id: $m) { x: committeeSeats(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ m: ids.member }),
    },
    'Petition.signatures': {
      shape: BY_TIME,
      query:
        'query($p: ID!, $a: String) { petition(id: $p) { x: signatures(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ p: ids.petition }),
    },
    'Query.events': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: events(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Event.attendances': {
      shape: BY_TIME,
      query:
        'query($e: ID!, $a: String) { event(id: $e) { x: attendances(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ e: ids.event }),
    },
    'Query.committees': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: committees(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Committee.memberships': {
      shape: BY_TIME,
      query:
        'query($c: ID!, $a: String) { committee(id: $c) { x: memberships(first: 1, after: $a) { pageInfo { endCursor } } } }',
      vars: () => ({ c: ids.committee }),
    },
    'CommitteeMembership.contacts': {
      shape: BY_TIME,
      query:
        'query($c: ID!, $a: String) { committee(id: $c) { memberships { nodes { x: contacts(first: 1, after: $a) { pageInfo { endCursor } } } } } }',
      vars: () => ({ c: ids.committee }),
    },
    'Query.incidents': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: incidents(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
    'Query.responders': {
      shape: BY_TIME,
      query:
        'query($l: ID!, $a: String) { x: responders(localId: $l, first: 1, after: $a) { pageInfo { endCursor } } }',
      vars: () => ({ l: ctx.w.own.id }),
    },
  };

  it('covers every field of the emitted schema that takes `after`', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
    const paged = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) =>
        (Object.values(type.getFields()) as GraphQLField<unknown, unknown>[])
          .filter((f) => f.args.some((a) => a.name === 'after'))
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(Object.keys(PAGED).sort()).toEqual(paged.sort());
  });

  const id = '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60';
  const good: Record<string, string> = {
    timestamp: '2026-01-02T03:04:05.678Z',
    uuid: id,
    text: 'Lopez',
    number: '7',
  };
  const bad: Record<string, string[]> = {
    timestamp: [
      'not a date',
      '2026-02-30T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-01-02',
      '0000-01-01T00:00:00.000Z',
    ],
    uuid: ['x', "' or 1=1 --", '00000000-0000-0000-0000-00000000000g'],
    text: ['x'.repeat(5000), 'a\u0000b'],
    number: ['1'.repeat(400), 'NaN'],
  };
  /** Crafted cursors for a shape: bad base64, not JSON, wrong arity, wrong types, a bad value per position, huge. */
  function crafted(shape: CursorShape): [string, string][] {
    const valid = shape.map((k) => good[k]);
    const out: [string, string][] = [
      ['bad base64', '!!!***'],
      ['not JSON', Buffer.from('not json').toString('base64url')],
      ['an object', Buffer.from('{"id":1}').toString('base64url')],
      ['one part too many', encodeCursor([...valid, id])],
      ['one part too few', encodeCursor(valid.slice(1))],
      ['numbers for strings', Buffer.from(JSON.stringify(valid.map(() => 1))).toString('base64url')],
      ['a huge cursor', 'A'.repeat(10_000)],
    ];
    shape.forEach((kind, i) => {
      for (const value of bad[kind]) {
        const parts = [...valid];
        parts[i] = value;
        out.push([`${kind} #${i} = ${JSON.stringify(value.slice(0, 30))}`, encodeCursor(parts)]);
      }
    });
    return out;
  }

  it.each(Object.keys(PAGED))('%s', async (field) => {
    const { query, vars, shape } = PAGED[field];
    const tok = ctx.w.own.users.LOCAL_ADMIN.token;
    // A cursor it issued itself pages on.
    const first = await ctx.t.gql(tok, query, vars());
    expect(first.errors).toBeUndefined();
    const answers: string[] = [];
    for (const [what, after] of crafted(shape)) {
      const res = await ctx.t.gql(tok, query, { ...vars(), a: after });
      answers.push(
        `${what}: ${res.status} ${res.errors?.map((e) => `${e.extensions.code}/${e.extensions.field}`)}`,
      );
    }
    expect(answers).toEqual(crafted(shape).map(([what]) => `${what}: 200 BAD_USER_INPUT/after`));
  });
});
