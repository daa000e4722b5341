import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost, WorkplaceEntity } from '@juntos/db';

@Injectable()
export class WorkplacesRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The workplaces among `ids` that belong to the local. */
  async findInLocal(localId: string, ids: readonly string[]): Promise<WorkplaceEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(WorkplaceEntity, { where: { localId, id: In([...ids]) }, order: { name: 'ASC' } });
  }
}
