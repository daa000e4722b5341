import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { BY_NAME, conflict, Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  KeysetColumns,
  keysetPage,
  TransactionHost,
  uniqueConflict,
  UnitEntity,
  WorkplaceEntity,
} from '@juntos/db';

export type WorkplaceFields = Pick<WorkplaceEntity, 'name' | 'kind' | 'employer' | 'address' | 'headcount'>;

const NAME_TAKEN = {
  workplace_local_name_key: { message: 'This local already has a workplace with that name.', field: 'name' },
};

const BY_NAME_ORDER: KeysetColumns<WorkplaceEntity> = {
  shape: BY_NAME,
  columns: ['w.name', 'w.id'],
  direction: 'ASC',
  key: (w) => [w.name, w.id],
};

/** Those of `ids` that a scope narrowed to a steward's workplaces reaches. */
const inReach = (scope: Scope, ids: readonly string[]): string[] =>
  scope.workplaceIds === 'all' ? [...ids] : ids.filter((id) => scope.covers(id));

@Injectable()
export class WorkplacesRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(scope: Scope, fields: WorkplaceFields): Promise<WorkplaceEntity> {
    const em = await this.tx.manager();
    try {
      return await em.save(em.create(WorkplaceEntity, { ...fields, localId: scope.localId }));
    } catch (e) {
      throw uniqueConflict(e, NAME_TAKEN) ?? e;
    }
  }

  async update(
    scope: Scope,
    id: string,
    patch: Partial<WorkplaceFields> & { archivedAt?: Date },
  ): Promise<void> {
    if (!Object.keys(patch).length) return;
    const em = await this.tx.manager();
    try {
      await em.update(WorkplaceEntity, { id, localId: scope.localId }, patch);
    } catch (e) {
      throw uniqueConflict(e, NAME_TAKEN) ?? e;
    }
  }

  /** One workplace within the scope (a steward's only when assigned). */
  async findInScope(scope: Scope, id: string): Promise<WorkplaceEntity | null> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(WorkplaceEntity, 'w')
      .where('w.local_id = :localId AND w.id = :id', { localId: scope.localId, id });
    if (scope.workplaceIds !== 'all') qb.andWhere('w.id = ANY(:wids)', { wids: scope.workplaceIds });
    return qb.getOne();
  }

  /** A page ordered by name, then id. */
  async page(
    scope: Scope,
    opts: { includeArchived: boolean },
    args: PageArgs,
  ): Promise<Page<WorkplaceEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(WorkplaceEntity, 'w')
      .where('w.local_id = :localId', { localId: scope.localId });
    if (scope.workplaceIds !== 'all') qb.andWhere('w.id = ANY(:wids)', { wids: scope.workplaceIds });
    if (!opts.includeArchived) qb.andWhere('w.archived_at IS NULL');
    return keysetPage(qb, BY_NAME_ORDER, args);
  }

  /** The workplaces among `ids` within the scope, for nested fields: what `workplace(id)` would show. */
  async findManyInScope(scope: Scope, ids: readonly string[]): Promise<WorkplaceEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(WorkplaceEntity, 'w')
      .where('w.local_id = :localId AND w.id = ANY(:ids)', { localId: scope.localId, ids: [...ids] });
    if (scope.workplaceIds !== 'all') qb.andWhere('w.id = ANY(:wids)', { wids: scope.workplaceIds });
    return qb.getMany();
  }

  async findByNames(localId: string, names: readonly string[]): Promise<WorkplaceEntity[]> {
    if (!names.length) return [];
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(WorkplaceEntity, 'w')
      .where('w.local_id = :localId AND lower(w.name) = ANY(:names)', {
        localId,
        names: names.map((n) => n.toLowerCase()),
      })
      .getMany();
  }

  /** The units of those of `workplaceIds` within the scope, by name. */
  async unitsOf(scope: Scope, workplaceIds: readonly string[]): Promise<UnitEntity[]> {
    const ids = inReach(scope, workplaceIds);
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(UnitEntity, {
      where: { localId: scope.localId, workplaceId: In(ids) },
      order: { name: 'ASC' },
    });
  }

  /** Members not archived, per workplace within the scope, in one aggregate. */
  async memberCounts(scope: Scope, workplaceIds: readonly string[]): Promise<Map<string, number>> {
    const ids = inReach(scope, workplaceIds);
    if (!ids.length) return new Map();
    const em = await this.tx.manager();
    const rows: { workplace_id: string; n: number }[] = await em.query(
      `select workplace_id, count(*)::int as n from member
        where local_id = $2 and workplace_id = any($1::uuid[]) and archived_at is null group by workplace_id`,
      [ids, scope.localId],
    );
    return new Map(rows.map((r) => [r.workplace_id, r.n]));
  }

  /**
   * Makes the workplace's units exactly `names`: existing ones (and their members) are kept by
   * name, new ones added. Dropping a unit that still has members is refused.
   */
  async setUnits(scope: Scope, workplaceId: string, names: readonly string[]): Promise<void> {
    const em = await this.tx.manager();
    const existing = await em.find(UnitEntity, { where: { workplaceId, localId: scope.localId } });
    const wanted = new Set(names);
    const dropped = existing.filter((u) => !wanted.has(u.name));
    if (dropped.length) {
      const [{ n }]: { n: number }[] = await em.query(
        'select count(*)::int as n from member where unit_id = any($1::uuid[])',
        [dropped.map((u) => u.id)],
      );
      if (n > 0) {
        throw conflict(
          `A unit still has members and cannot be removed: ${dropped.map((u) => u.name).join(', ')}.`,
          'units',
        );
      }
      await em.delete(UnitEntity, { id: In(dropped.map((u) => u.id)) });
    }
    const have = new Set(existing.map((u) => u.name));
    const added = names.filter((n) => !have.has(n));
    if (added.length)
      await em.insert(
        UnitEntity,
        added.map((name) => ({ name, workplaceId, localId: scope.localId })),
      );
  }
}
