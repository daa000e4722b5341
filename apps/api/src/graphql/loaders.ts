import DataLoader from 'dataloader';

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
