import { Injectable } from '@nestjs/common';
import { BY_TIME, decodeCursor, Page, pageSize, toPage } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { AuditEventEntity } from '@juntos/db';
import { AuditRepository } from './audit.repository';

/** Who did it, for events recorded before an Actor exists (sign-in). */
export interface AuditWho {
  actorId: string | null;
  ip: string | null;
}

export interface AuditWhat {
  localId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Counts and other non-personal facts only. */
  detail?: Record<string, number>;
}

/** The append-only audit log. Events carry ids and actions, never names, contact details or notes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly access: AccessService,
    private readonly events: AuditRepository,
  ) {}

  record(ctx: RequestContext, what: AuditWhat): Promise<void> {
    // The platform admin seating a local is no member of it: its address stays out of that local's
    // log, which the local's admins read. Its sign-ins (no local) keep the address.
    const outsider = what.localId !== null && ctx.actor.isPlatformAdmin && !ctx.actor.grantIn(what.localId);
    return this.events.insert({ ...what, actorId: ctx.actor.userId, ip: outsider ? null : ctx.ip });
  }

  recordAs(who: AuditWho, what: AuditWhat): Promise<void> {
    return this.events.insert({ ...what, ...who });
  }

  async list(
    ctx: RequestContext,
    localId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<AuditEventEntity>> {
    const scope = this.access.requireLocal(ctx, 'audit:read', localId);
    const size = pageSize(first);
    const { rows, total } = await this.events.page(scope, size + 1, decodeCursor(after, BY_TIME));
    return toPage(rows, size, total, (e) => [e.at.toISOString(), e.id]);
  }
}
