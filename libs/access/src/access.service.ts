import { Injectable } from '@nestjs/common';
import { forbidden, isUuid, notFound } from '@juntos/common';
import { Actor, RequestContext } from '@juntos/auth';
import { AccessRepository } from './access.repository';
import { Capability, isLocalCapability, LocalCapability, reachOf } from './capabilities';
import { RecordKind } from './record-kinds';
import { Scope, scopeFor } from './scope';

/**
 * The checks every service makes in its first line. Out of scope reads exactly like missing:
 * the same NOT_FOUND (or null), whether the record is in another local or a steward's
 * unassigned workplace.
 */
@Injectable()
export class AccessService {
  constructor(private readonly records: AccessRepository) {}

  /** The actor's scope for `cap` in a local they name, or FORBIDDEN. */
  requireLocal(ctx: RequestContext, cap: LocalCapability, localId: string): Scope {
    const scope = scopeFor(ctx.actor, cap, localId);
    if (!scope) throw forbidden();
    return scope;
  }

  /** The scope for `cap` over one record, or null when it is missing or out of the actor's scope. */
  async findRecord(
    ctx: RequestContext,
    cap: LocalCapability,
    kind: RecordKind,
    id: string,
  ): Promise<Scope | null> {
    if (!isUuid(id)) return null;
    const place = await this.records.placeOf(kind, id, ctx.actor.localIds);
    if (!place) return null;
    const scope = scopeFor(ctx.actor, cap, place.localId);
    // A role in the record's local that lacks the capability is refused outright, as PERMISSIONS.md says.
    if (!scope) throw forbidden();
    return scope.covers(place.workplaceId) ? scope : null;
  }

  /** As findRecord, for mutations: NOT_FOUND when missing or out of scope. */
  async requireRecord(
    ctx: RequestContext,
    cap: LocalCapability,
    kind: RecordKind,
    id: string,
  ): Promise<Scope> {
    const scope = await this.findRecord(ctx, cap, kind, id);
    if (!scope) throw notFound();
    return scope;
  }

  /**
   * The actor's scope for `cap` in a local, or null: for nested fields, which show nothing (null,
   * empty) where the root query would refuse, rather than failing their whole parent.
   */
  scopeIn(ctx: RequestContext, cap: LocalCapability, localId: string): Scope | null {
    return scopeFor(ctx.actor, cap, localId);
  }

  /** Whether the actor holds `cap` in the local, for services that choose a path rather than refuse. */
  canInLocal(ctx: RequestContext, cap: LocalCapability, localId: string): boolean {
    return scopeFor(ctx.actor, cap, localId) !== null;
  }

  /** Locals where the actor holds `cap`. */
  localsWith(ctx: RequestContext, cap: LocalCapability): string[] {
    return ctx.actor
      .allGrants()
      .filter((g) => reachOf(g.roles, cap))
      .map((g) => g.localId);
  }
}

/**
 * The guard's first pass. With a local named (an argument, an input, or the parent record of a
 * field), the actor must hold the capability there; without one, somewhere.
 */
export function allowedAtEdge(actor: Actor, cap: Capability, localId: string | undefined): boolean {
  if (cap === 'self') return true;
  if (cap === 'platform:admin') return actor.isPlatformAdmin;
  if (cap === 'invitations:create') {
    if (actor.isPlatformAdmin) return true;
    return localId
      ? !!scopeFor(actor, 'roles:manage', localId)
      : actor.allGrants().some((g) => reachOf(g.roles, 'roles:manage'));
  }
  if (!isLocalCapability(cap)) return false;
  if (localId) return !!scopeFor(actor, cap, localId);
  return actor.allGrants().some((g) => reachOf(g.roles, cap));
}
