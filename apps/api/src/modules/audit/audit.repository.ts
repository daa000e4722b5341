import { Injectable } from '@nestjs/common';
import { Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import { AuditEventEntity, keysetPage, TransactionHost, byTime } from '@juntos/db';

const NEWEST = byTime<AuditEventEntity>('e.created_at', 'e.id', (e) => e.at, 'DESC');

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

  /**
   * In the caller's transaction, so the event lands with the change or not at all. A plain
   * INSERT: RETURNING would need the row to be readable, and sign-in events (no local) are not.
   */
  async insert(e: NewAuditEvent): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `insert into audit_event (local_id, actor_id, action, target_type, target_id, ip, detail)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.localId,
        e.actorId,
        e.action,
        e.targetType ?? null,
        e.targetId ?? null,
        e.ip,
        e.detail ? JSON.stringify(e.detail) : null,
      ],
    );
  }

  /**
   * Newest first. `action`: one action code, or, ending in '.', every action it begins
   * (`member.` for member.create, member.update…); compared as text, never as a LIKE pattern.
   */
  async page(scope: Scope, action: string | null, args: PageArgs): Promise<Page<AuditEventEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.local_id = :localId', { localId: scope.localId });
    if (action !== null) {
      if (action.endsWith('.')) qb.andWhere('starts_with(e.action, :action)', { action });
      else qb.andWhere('e.action = :action', { action });
    }
    return keysetPage(qb, NEWEST, args);
  }
}
