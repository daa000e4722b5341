import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { LocalKind } from '@juntos/common';
import { LocalEntity, TransactionHost } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';

@Injectable()
export class LocalsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(name: string, kind: LocalKind): Promise<LocalEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(LocalEntity, { name, kind }));
  }

  /** Only the ids the caller has already scoped. */
  async findByIds(ids: readonly string[]): Promise<LocalEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(LocalEntity, { where: { id: In([...ids]) }, order: { name: 'ASC' } });
  }

  /**
   * Deliberately unscoped: the platform admin's list of locals (names only, no member data), the
   * first LIST_MAX.locals by name.
   */
  async listAllForPlatformAdmin(): Promise<LocalEntity[]> {
    const em = await this.tx.manager();
    return em.find(LocalEntity, { order: { name: 'ASC', id: 'ASC' }, take: LIST_MAX.locals });
  }
}
