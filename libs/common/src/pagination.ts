import { badInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Validates `first` at the edge: 1..100, default 50. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return first;
}

/**
 * A keyset cursor: the sort key of the last row seen, ending with its id. Timestamps are stored
 * with millisecond precision (timestamptz(3)), so a JS Date carries them without loss.
 */
export type KeysetCursor = string[];

export function encodeCursor(key: KeysetCursor): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a cursor of `arity` strings whose last is an id; anything else is BAD_USER_INPUT. */
export function decodeCursor(after: string | null | undefined, arity: number): KeysetCursor | null {
  if (after === null || after === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => typeof v === 'string' && v.length <= 1000) &&
      UUID.test(parsed[arity - 1])
    ) {
      return parsed as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after is not a valid cursor.', 'after');
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Builds a page from rows fetched with limit size+1, the extra row telling whether there is more. */
export function toPage<T>(
  rows: T[],
  size: number,
  totalCount: number,
  key: (row: T) => KeysetCursor,
): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(key(last)) : null, hasNextPage }, totalCount };
}

export const isUuid = (s: string): boolean => UUID.test(s);
