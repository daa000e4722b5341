import { Role } from '@juntos/common';

/** What one user holds in one local: the union of their roles there. */
export interface LocalGrant {
  readonly localId: string;
  readonly roles: ReadonlySet<Role>;
  /** For STEWARD: the workplaces on their assignment. */
  readonly stewardWorkplaceIds: readonly string[];
}

/** The signed-in user, built from the database once per request (never from token claims). */
export class Actor {
  constructor(
    readonly userId: string,
    readonly isPlatformAdmin: boolean,
    private readonly grants: ReadonlyMap<string, LocalGrant>,
    /** The session the access token names (its `sid`), checked live by the same load. */
    readonly sessionId: string,
  ) {}

  /** Locals the actor holds any role in. */
  get localIds(): string[] {
    return [...this.grants.keys()];
  }

  grantIn(localId: string): LocalGrant | undefined {
    return this.grants.get(localId);
  }

  allGrants(): LocalGrant[] {
    return [...this.grants.values()];
  }
}

/** The first parameter of every service call: who asks, and from where. */
export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
  readonly ip: string;
}
