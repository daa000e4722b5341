import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BY_TIME, KeysetOrder, Page, PageArgs, pageRequest, toPage } from '@juntos/common';

/** A list's order in SQL: the columns of its sort key, in cursor order, the last one the id. */
export interface KeysetColumns<T> extends KeysetOrder<T> {
  columns: readonly string[];
  /** One direction for the whole key, so that one row comparison continues after a cursor. */
  direction: 'ASC' | 'DESC';
}

/**
 * A list ordered by a time, then the id (BY_TIME): `timeColumn` and `idColumn` in SQL, `time` the
 * row's value of the first; newest first with DESC, oldest first with ASC.
 */
export const byTime = <T extends { id: string }>(
  timeColumn: string,
  idColumn: string,
  time: (row: T) => Date,
  direction: 'ASC' | 'DESC',
): KeysetColumns<T> => ({
  shape: BY_TIME,
  columns: [timeColumn, idColumn],
  direction,
  key: (row) => [time(row).toISOString(), row.id],
});

/**
 * One page of a keyset list. `qb` holds the list's scope and filters; this checks `first` and
 * `after` before any SQL, counts the rows the filters match (totalCount ignores the cursor), then
 * continues after the cursor in the key's order and fetches one row more than the page, which
 * tells whether there is a next page.
 *
 * `read` fetches the rows when they are not the builder's entities (a raw select); a builder
 * without an entity is counted with count(*) over its own FROM and WHERE.
 */
export async function keysetPage<E extends ObjectLiteral, T = E>(
  qb: SelectQueryBuilder<E>,
  order: KeysetColumns<T>,
  args: PageArgs,
  read: (qb: SelectQueryBuilder<E>) => Promise<T[]> = (q) => q.getMany() as unknown as Promise<T[]>,
): Promise<Page<T>> {
  const { size, after } = pageRequest(args, order.shape);
  const totalCount = await countRows(qb);
  if (after) {
    const params = Object.fromEntries(after.map((v, i) => [`keyset${i}`, v]));
    qb.andWhere(
      `(${order.columns.join(', ')}) ${order.direction === 'ASC' ? '>' : '<'} (${Object.keys(params)
        .map((p) => `:${p}`)
        .join(', ')})`,
      params,
    );
  }
  order.columns.forEach((c, i) => (i ? qb.addOrderBy(c, order.direction) : qb.orderBy(c, order.direction)));
  return toPage(await read(qb.take(size + 1)), size, totalCount, order.key);
}

async function countRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<number> {
  if (qb.expressionMap.mainAlias?.hasMetadata) return qb.getCount();
  const row = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
  return row?.n ?? 0;
}
