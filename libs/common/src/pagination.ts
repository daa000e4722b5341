import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Validates `first` at the edge: 1..100, default 50 (or a shorter list's own default and maximum). */
export function pageSize(
  first: number | null | undefined,
  byDefault = DEFAULT_PAGE_SIZE,
  max = MAX_PAGE_SIZE,
): number {
  if (first === null || first === undefined) return byDefault;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(`first must be between 1 and ${max}.`, 'first');
  }
  return first;
}

/**
 * A keyset cursor: the sort key of the last row seen, ending with its id. Timestamps are stored
 * with millisecond precision (timestamptz(3)), so a JS Date carries them without loss.
 */
export type KeysetCursor = string[];

/** What one position of a cursor holds, checked on decode before it can reach SQL. */
export type CursorPart = 'timestamp' | 'uuid' | 'number' | 'text';
export type CursorShape = readonly CursorPart[];

/** Pages newest first: [createdAt or occurredAt…, id]. */
export const BY_TIME: CursorShape = ['timestamp', 'uuid'];
/** Pages by a name: [name, id]. */
export const BY_NAME: CursorShape = ['text', 'uuid'];
/** Members by last name, then first name: [lastName, firstName, id]. */
export const BY_FULL_NAME: CursorShape = ['text', 'text', 'uuid'];

export function encodeCursor(key: KeysetCursor): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A cursor we issue is at most a few hundred characters; anything much longer is forged.
const MAX_CURSOR_LENGTH = 4096;
const MAX_TEXT_LENGTH = 1000;

const validPart: Record<CursorPart, (v: string) => boolean> = {
  // Exactly what Date#toISOString writes, and a real instant: no 2026-02-30, no year 99999, and
  // no year 0000, which JavaScript writes but Postgres refuses (timestamps start at year 1).
  timestamp: (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !v.startsWith('0000') && isoRoundTrips(v),
  uuid: (v) => UUID.test(v),
  number: (v) => /^-?\d{1,15}$/.test(v),
  // Postgres text cannot hold NUL: such a value would fail in SQL rather than here.
  text: (v) => v.length <= MAX_TEXT_LENGTH && !v.includes('\u0000'),
};

function isoRoundTrips(v: string): boolean {
  const d = new Date(v);
  return !Number.isNaN(d.getTime()) && d.toISOString() === v;
}

/**
 * Decodes a cursor of the page's shape; every position is checked against its kind, so a forged
 * value answers BAD_USER_INPUT here and never reaches SQL.
 */
export function decodeCursor(after: string | null | undefined, shape: CursorShape): KeysetCursor | null {
  if (after === null || after === undefined) return null;
  if (after.length <= MAX_CURSOR_LENGTH) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
      if (
        Array.isArray(parsed) &&
        parsed.length === shape.length &&
        parsed.every((v, i) => typeof v === 'string' && validPart[shape[i]](v))
      ) {
        return parsed as string[];
      }
    } catch {
      // fall through to the error below
    }
  }
  throw badInput('after is not a valid cursor.', 'after');
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: PageCount;
}

/**
 * A page's total: a number; a count that runs only when awaited, which GraphQL does only where
 * the request selects totalCount; or null where the caller knew it was not selected.
 */
export type PageCount = number | null | PromiseLike<number>;

/** Builds a page from rows fetched with limit size+1, the extra row telling whether there is more. */
export function toPage<T>(
  rows: T[],
  size: number,
  totalCount: PageCount,
  key: (row: T) => KeysetCursor,
): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(key(last)) : null, hasNextPage }, totalCount };
}

/** What a connection field takes: `first` (1..100, default 50) and the cursor `after`. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** How a list is ordered, as its cursors see it: what a cursor holds, and a row's sort key. */
export interface KeysetOrder<T> {
  shape: CursorShape;
  key: (row: T) => KeysetCursor;
}

/** Checks a page request before any SQL: the page size, then the cursor against the list's shape. */
export function pageRequest(
  args: PageArgs,
  shape: CursorShape,
): { size: number; after: KeysetCursor | null } {
  const size = pageSize(args.first);
  return { size, after: decodeCursor(args.after, shape) };
}

/**
 * First pages of several parents at once (a nested connection on a list): rows fetched with a
 * limit of size+1 per parent, split by parent, one page per parent id in the order asked.
 */
export function pagesPer<T>(
  parentIds: readonly string[],
  rows: T[],
  parentOf: (row: T) => string,
  totals: ReadonlyMap<string, number>,
  size: number,
  key: (row: T) => KeysetCursor,
): Page<T>[] {
  return parentIds.map((id) =>
    toPage(
      rows.filter((r) => parentOf(r) === id),
      size,
      totals.get(id) ?? 0,
      key,
    ),
  );
}

/** The same page with each node mapped (an entity to its GraphQL model). */
export function mapPage<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, nodes: page.nodes.map((n) => map(n)) };
}

export const isUuid = (s: string): boolean => UUID.test(s);
