import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
 * `after` before any SQL, offers a count of the rows the filters match (totalCount ignores the
 * cursor), then continues after the cursor in the key's order and fetches one row more than the
 * page, which tells whether there is a next page.
 *
 * `read` fetches the rows when they are not the builder's entities (a raw select); a builder
 * without an entity is counted with count(*) over its own FROM and WHERE. The count runs only
 * if the request resolves totalCount (see PageCount); `count` replaces it, or is null where the
 * caller already knows totalCount is not selected.
 */
export async function keysetPage<E extends ObjectLiteral, T = E>(
  qb: SelectQueryBuilder<E>,
  order: KeysetColumns<T>,
  args: PageArgs,
  read: (qb: SelectQueryBuilder<E>) => Promise<T[]> = (q) => q.getMany() as unknown as Promise<T[]>,
  count: ((qb: SelectQueryBuilder<E>) => Promise<number>) | null = countRows,
): Promise<Page<T>> {
  const { size, after } = pageRequest(args, order.shape);
  // Counted only if GraphQL resolves totalCount (it awaits the field's value; nothing else does),
  // once however often it is selected; from a copy, before the cursor and limit below.
  const counted = qb.clone();
  let total: Promise<number> | undefined;
  const totalCount: PromiseLike<number> | null = count
    ? { then: (ok, fail) => (total ??= count(counted)).then(ok, fail) }
    : null;
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

/** A count that stopped at a limit: `exact` false when `value` is an estimate past it. */
export interface BoundedCount {
  value: number;
  exact: boolean;
}

/**
 * The rows `qb` matches, reading at most `limit` + 1 of them, through `em` (the request's
 * transaction, where its scope is set). Past the limit, the planner's row
 * estimate for the same statement, planned as the caller (so under its row-level security, which
 * keeps non-leakproof filters such as LIKE at default selectivity), and never below limit + 1:
 * planning costs the same for ten thousand rows as for ten million.
 */
export async function countUpTo<E extends ObjectLiteral>(
  em: EntityManager,
  qb: SelectQueryBuilder<E>,
  limit: number,
): Promise<BoundedCount> {
  const [sql, params] = qb.clone().select('1').getQueryAndParameters();
  const [{ n }]: { n: number }[] = await em.query(
    `select count(*)::int as n from (${sql} limit ${Math.trunc(limit) + 1}) c`,
    params,
  );
  if (n <= limit) return { value: n, exact: true };
  const [{ 'QUERY PLAN': plan }]: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] = await em.query(
    `explain (format json) ${sql}`,
    params,
  );
  return { value: Math.max(limit + 1, Math.round(plan[0].Plan['Plan Rows'])), exact: false };
}

/** Where a child list hangs off its parent, for the first pages of many parents at once. */
export interface ChildList {
  /** The child table and the alias its SQL uses (also the alias `columns` refers to). */
  table: string;
  alias: string;
  /** The child's column naming its parent. */
  parent: string;
  /** The list's order, in the alias's columns: the same as its keyset order. */
  order: string;
  /**
   * The child names a member (member_id) and reaches a steward only for their workplaces'
   * members. Lists of records not tied to a member are bounded by their parent alone.
   */
  memberScoped: boolean;
  /**
   * Or the child reaches a steward through another record's workplace: a join naming that record
   * `r` (a committee seat, through its committee). Only where memberScoped is false.
   */
  reachedThrough?: string;
}

/**
 * The first `size` children of each parent, in the list's order, and each parent's total within
 * the scope: two statements for a whole list of parents (a lateral join over the parents, then
 * one grouped count), so a nested connection on a list never runs a query per parent.
 * `columns` is the select list over the child's alias. Pair it with pagesPer.
 */
export async function firstChildren<R>(
  em: EntityManager,
  list: ChildList,
  columns: string,
  scope: { localId: string; workplaceIds: readonly string[] | 'all' },
  parentIds: readonly string[],
  size: number,
): Promise<{ rows: R[]; totals: Map<string, number> }> {
  const { table, alias: t, parent, order, memberScoped, reachedThrough } = list;
  const wids = scope.workplaceIds === 'all' ? null : scope.workplaceIds;
  const join = memberScoped
    ? `join member m on m.id = ${t}.member_id and m.local_id = ${t}.local_id`
    : (reachedThrough ?? '');
  const reached = memberScoped ? 'm' : reachedThrough ? 'r' : null;
  const inReach = (param: string) =>
    reached ? `and (${param}::uuid[] is null or ${reached}.workplace_id = any(${param}::uuid[]))` : '';
  const rows: R[] = await em.query(
    `select ${columns} from unnest($1::uuid[]) as parents(juntos_parent)
       cross join lateral (
         select ${t}.* from ${table} ${t} ${join}
          where ${t}.${parent} = parents.juntos_parent and ${t}.local_id = $2 ${inReach('$4')}
          order by ${order} limit $3) ${t}`,
    reached ? [parentIds, scope.localId, size + 1, wids] : [parentIds, scope.localId, size + 1],
  );
  const counts: { parent: string; n: number }[] = await em.query(
    `select ${t}.${parent} as parent, count(*)::int as n from ${table} ${t} ${join}
      where ${t}.${parent} = any($1::uuid[]) and ${t}.local_id = $2 ${inReach('$3')}
      group by ${t}.${parent}`,
    reached ? [parentIds, scope.localId, wids] : [parentIds, scope.localId],
  );
  return { rows, totals: new Map(counts.map((c) => [c.parent, c.n])) };
}
