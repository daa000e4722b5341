import { decodeCursor, encodeCursor, pageSize, toPage } from './pagination';

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
});

describe('cursors', () => {
  const c = ['2026-01-02T03:04:05.678Z', '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60'];
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(c), 2)).toEqual(c);
  });
  it('treats absent as the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
  });
  it.each([
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
    encodeCursor(['3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60']),
    encodeCursor(['a', 'b', '3f2b8c1e-9f6a-4c1b-8e2a-1b2c3d4e5f60']),
  ])('refuses a forged or mismatched cursor %p', (bad) => {
    expect(() => decodeCursor(bad, 2)).toThrow('after is not a valid cursor.');
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
    expect(decodeCursor(page.pageInfo.endCursor, 2)).toEqual(key(rows[1]));
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
