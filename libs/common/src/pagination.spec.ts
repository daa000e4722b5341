import {
  BY_FULL_NAME,
  BY_NAME,
  BY_TIME,
  CursorShape,
  decodeCursor,
  encodeCursor,
  mapPage,
  pageRequest,
  pagesPer,
  pageSize,
  toPage,
} from './pagination';

describe('pageSize', () => {
  it('defaults to 50 and accepts 1..100', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });
  it.each([0, -1, 101, 1.5])('refuses %p with BAD_USER_INPUT', (n) => {
    expect(() => pageSize(n)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
  it("takes a shorter list's own default and maximum", () => {
    expect(pageSize(undefined, 20, 50)).toBe(20);
    expect(pageSize(50, 20, 50)).toBe(50);
    expect(() => pageSize(51, 20, 50)).toThrow('first must be between 1 and 50.');
  });
});

describe('cursors', () => {
  const id = '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60';
  const c = ['2026-01-02T03:04:05.678Z', id];
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  it('round-trips each shape', () => {
    expect(decodeCursor(encodeCursor(c), BY_TIME)).toEqual(c);
    expect(decodeCursor(encodeCursor(['Acme Warehouse', id]), BY_NAME)).toEqual(['Acme Warehouse', id]);
    expect(decodeCursor(encodeCursor(['Nguyễn', 'José', id]), BY_FULL_NAME)).toEqual(['Nguyễn', 'José', id]);
    expect(decodeCursor(encodeCursor(['-42', id]), ['number', 'uuid'])).toEqual(['-42', id]);
  });
  it('treats absent as the first page', () => {
    expect(decodeCursor(undefined, BY_TIME)).toBeNull();
    expect(decodeCursor(null, BY_TIME)).toBeNull();
  });
  it.each<[string, string, CursorShape]>([
    ['not base64 at all', '!!!***', BY_TIME],
    ['base64 of something that is not JSON', 'garbage', BY_TIME],
    ['JSON that is not an array', b64('{"a":1}'), BY_TIME],
    ['numbers instead of strings', b64('[1,2]'), BY_TIME],
    ['too few parts', encodeCursor([id]), BY_TIME],
    ['too many parts', encodeCursor(['a', 'b', id]), BY_NAME],
    ['a non-date where a timestamp belongs', encodeCursor(['not a date', id]), BY_TIME],
    ['a date that does not exist', encodeCursor(['2026-02-30T00:00:00.000Z', id]), BY_TIME],
    ['a timestamp in another format', encodeCursor(['2026-01-02 03:04:05', id]), BY_TIME],
    ['a year past 9999', encodeCursor(['+275760-09-13T00:00:00.000Z', id]), BY_TIME],
    ['year 0000, which Postgres refuses', encodeCursor(['0000-01-01T00:00:00.000Z', id]), BY_TIME],
    ['a non-uuid id', encodeCursor([c[0], 'x']), BY_TIME],
    ['an SQL fragment as id', encodeCursor([c[0], "' or 1=1 --"]), BY_TIME],
    ['a number too large', encodeCursor(['1'.repeat(400), id]), ['number', 'uuid']],
    ['a non-number', encodeCursor(['1e3', id]), ['number', 'uuid']],
    ['a huge text', encodeCursor(['x'.repeat(1001), id]), BY_NAME],
    ['a NUL in text', encodeCursor(['a\u0000b', id]), BY_NAME],
    ['a huge cursor', 'A'.repeat(5000), BY_TIME],
  ])('refuses %s with BAD_USER_INPUT on `after`', (_what, bad, shape) => {
    expect(() => decodeCursor(bad, shape)).toThrow(
      expect.objectContaining({
        message: 'after is not a valid cursor.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      }),
    );
  });
});

describe('toPage', () => {
  const rows = [1, 2, 3].map((n) => ({
    n,
    at: new Date(n * 1000).toISOString(),
    id: `00000000-0000-4000-8000-00000000000${n}`,
  }));
  const key = (r: (typeof rows)[number]) => [r.at, r.id];
  it('uses the extra row to signal a next page', () => {
    const page = toPage(rows, 2, 3, key);
    expect(page.nodes.map((r) => r.n)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor, BY_TIME)).toEqual(key(rows[1]));
  });
  it('ends the last page', () => {
    const page = toPage(rows, 5, 3, key);
    expect(page.nodes).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
  it('gives a null cursor on an empty page', () => {
    expect(toPage([], 5, 0, key).pageInfo.endCursor).toBeNull();
  });
});

describe('pageRequest', () => {
  it('checks first, then the cursor against the shape', () => {
    const after = encodeCursor(['Ana', '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60']);
    expect(pageRequest({ first: 2, after }, BY_NAME)).toEqual({
      size: 2,
      after: ['Ana', '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60'],
    });
    expect(pageRequest({}, BY_TIME)).toEqual({ size: 50, after: null });
    expect(() => pageRequest({ first: 0, after: 'junk' }, BY_TIME)).toThrow(
      'first must be between 1 and 100.',
    );
    expect(() => pageRequest({ after }, BY_TIME)).toThrow('after is not a valid cursor.');
  });
});

describe('pagesPer and mapPage', () => {
  const row = (parent: string, n: number) => ({
    parent,
    at: new Date(n * 1000).toISOString(),
    id: `00000000-0000-4000-8000-00000000000${n}`,
  });
  const key = (r: ReturnType<typeof row>) => [r.at, r.id];
  it('splits rows fetched size+1 per parent into one page per parent, in the order asked', () => {
    const rows = [row('a', 1), row('a', 2), row('a', 3), row('b', 4)];
    const [c, a, b] = pagesPer(
      ['c', 'a', 'b'],
      rows,
      (r) => r.parent,
      new Map([
        ['a', 7],
        ['b', 1],
      ]),
      2,
      key,
    );
    expect(c).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 });
    expect(a.nodes.map((r) => r.id)).toEqual([rows[0].id, rows[1].id]);
    expect(a.pageInfo.hasNextPage).toBe(true);
    expect(a.totalCount).toBe(7);
    expect(b.pageInfo).toEqual({ endCursor: encodeCursor(key(rows[3])), hasNextPage: false });
  });
  it('maps nodes and keeps the page around them', () => {
    const page = toPage([row('a', 1)], 5, 1, key);
    expect(mapPage(page, (r) => r.id)).toEqual({ ...page, nodes: [row('a', 1).id] });
  });
});
