import { Injectable } from '@nestjs/common';
import { KeysetCursor, Scope } from '@juntos/common';
import { AuditEventEntity, TransactionHost } from '@juntos/db';

export interface NewAuditEvent {
  localId: string | null;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, number>;
  ip: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** In the caller's transaction, so the event lands with the change or not at all. */
  async insert(e: NewAuditEvent): Promise<void> {
    const em = await this.tx.manager();
    await em.insert(AuditEventEntity, {
      ...e,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
    });
  }

  async page(
    scope: Scope,
    limit: number,
    after: KeysetCursor | null,
  ): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.local_id = :localId', { localId: scope.localId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(limit);
    if (after) qb.andWhere('(e.created_at, e.id) < (:at, :id)', { at: after[0], id: after[1] });
    const total = await em.count(AuditEventEntity, { where: { localId: scope.localId } });
    return { rows: await qb.getMany(), total };
  }
}
