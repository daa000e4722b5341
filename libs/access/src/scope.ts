import { Actor } from '@juntos/auth';
import type { SystemPurpose, TransactionHost } from '@juntos/db';
import { LocalCapability, reachOf } from './capabilities';

/** Set once by the class's static block: the only way to make a Scope, and never exported. */
let mint: (localId: string, workplaceIds: readonly string[] | 'all') => Scope;

/**
 * What a repository is allowed to see. Never optional: every scoped query takes one.
 * `workplaceIds` narrows a steward to their assigned workplaces.
 *
 * Only this file makes one: from the Actor (`scopeFor`), or for a named system purpose
 * (`systemScope`). The constructor is private and the `#made` field makes the type nominal, so
 * neither a hand-written `{ localId, workplaceIds: 'all' }` nor a spread of another Scope
 * type-checks as one; the lint rule `juntos/scope-from-access` refuses `as Scope` casts.
 */
export class Scope {
  readonly #made = true;

  static {
    mint = (localId, workplaceIds) =>
      new Scope(localId, workplaceIds === 'all' ? 'all' : Object.freeze([...workplaceIds]));
  }

  private constructor(
    readonly localId: string,
    readonly workplaceIds: readonly string[] | 'all',
  ) {
    Object.freeze(this);
  }

  /** Whether the scope reaches records of this workplace (null: a record tied to no workplace). */
  covers(workplaceId: string | null): boolean {
    return this.workplaceIds === 'all' || (!!workplaceId && this.workplaceIds.includes(workplaceId));
  }

  /** Equal for equal reach: per-request loaders are keyed by it, so two reaches never share answers. */
  get key(): string {
    const reach = this.workplaceIds === 'all' ? '*' : [...this.workplaceIds].sort().join(',');
    return `${this.localId}:${reach}`;
  }

  /** A run-time check that a value was made here, which no cast or copy can fake. */
  static isMade(value: unknown): value is Scope {
    return typeof value === 'object' && value !== null && #made in value;
  }
}

/** The Actor's scope for `cap` in a local, or null when no role they hold there grants it. */
export function scopeFor(actor: Actor, cap: LocalCapability, localId: string): Scope | null {
  const grant = actor.grantIn(localId);
  if (!grant) return null;
  const reach = reachOf(grant.roles, cap);
  if (!reach) return null;
  return mint(localId, reach === 'all' ? 'all' : grant.stewardWorkplaceIds);
}

/**
 * The whole local, for work done for a named purpose rather than for what a viewer may read,
 * such as the platform admin seating a local where they hold no role
 * ('platform:invite-first-admin'). The purpose is one of the reviewed system paths of libs/db
 * (SystemPurpose), and the work must be running on that very path: a service cannot mint a
 * whole-local scope in an ordinary request. Nothing read through it may reach a viewer beyond
 * what their own scope shows.
 */
export function systemScope(tx: TransactionHost, purpose: SystemPurpose, localId: string): Scope {
  if (tx.systemPurpose() !== purpose)
    throw new Error(`systemScope('${purpose}') outside tx.system('${purpose}', …)`);
  return mint(localId, 'all');
}
