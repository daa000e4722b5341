import { Injectable } from '@nestjs/common';
import { badInput, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
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

/** The record an event is about: its GraphQL type name and id. */
export interface AuditTarget {
  type: string;
  id: string;
}

/** An action code (`member.create`, `oneOnOne.log`, `auth.login_failed`) or a prefix of one ending in '.'. */
const ACTION_FILTER = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*\.?$/;

/** The append-only audit log. Events carry ids and actions, never names, contact details or notes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly access: AccessService,
    private readonly events: AuditRepository,
  ) {}

  /**
   * One event for a mutation, in the local it acted in: the Scope libs/access gave the service, a
   * local's id where a system path has no Scope (a new local, an accepted invitation), or null for
   * the account's own business (its sessions). `detail`: counts only.
   */
  recordIn(
    ctx: RequestContext,
    local: Scope | string | null,
    action: string,
    target?: AuditTarget | null,
    detail?: Record<string, number>,
  ): Promise<void> {
    const localId = local === null || typeof local === 'string' ? local : local.localId;
    return this.record(ctx, {
      localId,
      action,
      ...(target && { targetType: target.type, targetId: target.id }),
      ...(detail && { detail }),
    });
  }

  private record(ctx: RequestContext, what: AuditWhat): Promise<void> {
    // The platform admin seating a local is no member of it: its address stays out of that local's
    // log, which the local's admins read. Its sign-ins (no local) keep the address.
    const outsider = what.localId !== null && ctx.actor.isPlatformAdmin && !ctx.actor.grantIn(what.localId);
    return this.events.insert({ ...what, actorId: ctx.actor.userId, ip: outsider ? null : ctx.ip });
  }

  recordAs(who: AuditWho, what: AuditWhat): Promise<void> {
    return this.events.insert({ ...what, ...who });
  }

  list(
    ctx: RequestContext,
    localId: string,
    first?: number | null,
    after?: string | null,
    action?: string | null,
  ): Promise<Page<AuditEventEntity>> {
    const scope = this.access.requireLocal(ctx, 'audit:read', localId);
    if (action !== null && action !== undefined && (action.length > 100 || !ACTION_FILTER.test(action)))
      throw badInput(
        "action is an action code such as 'member.create', or a prefix ending in '.' such as 'member.'.",
        'action',
      );
    return this.events.page(scope, action ?? null, { first, after });
  }
}
