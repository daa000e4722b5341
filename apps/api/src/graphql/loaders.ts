import DataLoader from 'dataloader';
import { Scope } from '@juntos/access';

const perRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one request, so nested fields of a list batch into one
 * query and never cache across viewers. `batch` must answer in the order of `keys`.
 */
export function loaderFor<K, V>(
  req: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  let loaders = perRequest.get(req);
  if (!loaders) perRequest.set(req, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/**
 * As loaderFor, for records a nested field reads: keyed by name and the Actor's Scope, whose
 * reach `batch` must filter its SQL by. A nested record then shows exactly what the root query
 * for it would, and two reaches (a steward's and an organizer's) never share an answer.
 */
export function scopedLoader<K, V>(
  req: object,
  name: string,
  scope: Scope,
  batch: (keys: readonly K[], scope: Scope) => Promise<V[]>,
): DataLoader<K, V> {
  // A cast or a copy is not a Scope: only libs/access makes one.
  if (!Scope.isMade(scope)) throw new Error(`${name}: a loader needs the Actor's Scope from libs/access`);
  return loaderFor(req, `${name}@${scope.key}`, (keys: readonly K[]) => batch(keys, scope));
}

/**
 * Every key's value from a loader, in the order of `keys`, for a list that needs them all at once
 * (graphql/prefetch.ts): one batch, and a batch that failed fails the whole list.
 */
export async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  return (await loader.loadMany(keys)).map((v) => {
    if (v instanceof Error) throw v;
    return v;
  });
}

/** Reads the rows for a batch of keys, within the Actor's Scope. */
type ReadIn<T> = (keys: readonly string[], scope: Scope) => Promise<T>;

/** A batch answering each key with the row whose `field` holds it, or null. */
export const rowByKey =
  <F extends string, R extends Record<F, unknown>>(field: F, read: ReadIn<R[]>) =>
  async (keys: readonly string[], scope: Scope): Promise<(R | null)[]> => {
    const rows = await read(keys, scope);
    return keys.map((k) => rows.find((r) => r[field] === k) ?? null);
  };

/** A batch answering each key with the rows whose `field` holds it (none: empty), each mapped by `map`. */
export const rowsByKey =
  <F extends string, R extends Record<F, unknown>, T>(field: F, read: ReadIn<R[]>, map: (row: R) => T) =>
  async (keys: readonly string[], scope: Scope): Promise<T[][]> => {
    const rows = await read(keys, scope);
    return keys.map((k) => rows.filter((r) => r[field] === k).map(map));
  };

/** A batch answering each key with its value in the map `read` returns, or `missing`. */
export const valueByKey =
  <T>(read: ReadIn<Map<string, T>>, missing: T) =>
  async (keys: readonly string[], scope: Scope): Promise<T[]> => {
    const values = await read(keys, scope);
    return keys.map((k) => values.get(k) ?? missing);
  };

/** A batch answering each key with its count (none: 0). */
export const countByKey = (read: ReadIn<Map<string, number>>) => valueByKey(read, 0);
