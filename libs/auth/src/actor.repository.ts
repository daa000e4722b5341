import { Injectable } from '@nestjs/common';
import { isUuid, Role } from '@juntos/common';
import { TransactionHost } from '@juntos/db';
import { Actor, LocalGrant } from './actor';

interface GrantRow {
  is_platform_admin: boolean;
  local_id: string | null;
  role: Role;
  workplace_ids: string[];
  /** The value this statement gave `app.local_ids`. */
  scope?: string;
}

/**
 * The user and every grant with its steward workplaces, with the transaction scoped to exactly
 * their locals, from one snapshot (migration LoadActorFunction): the Actor and row-level security
 * never disagree about which locals this request may touch. No rows unless the token's session
 * is live (migration Sessions), so an ended session is refused on its very next request.
 */
const loadActor = (user: string, session: string) => `select * from juntos_load_actor(${user}, ${session})`;

@Injectable()
export class ActorRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Loads the Actor for a token's subject and session; null when the user no longer exists or the
   * session is not live. In a request it is the request transaction's first statement, which also
   * scopes it to the Actor's locals.
   */
  async load(userId: string, sessionId: string): Promise<Actor | null> {
    // Checked here too, since it is spliced into a simple-protocol statement below.
    if (!isUuid(sessionId)) return null;
    const session = `'${sessionId}'::uuid`;
    if (this.tx.inRequest() && !this.tx.isSystem()) {
      const rows = await this.tx.beginAs<GrantRow>(userId, (user) => loadActor(user, session));
      const actor = toActor(userId, sessionId, rows);
      const scoped = new Set((rows[0]?.scope ?? '').replace(/[{}]/g, '').split(',').filter(Boolean));
      if (actor && (scoped.size !== actor.localIds.length || actor.localIds.some((l) => !scoped.has(l))))
        throw new Error('the request scope does not match the Actor');
      return actor;
    }
    // Outside a request: a system path, started as the user so they read only their own grants.
    return this.tx.system(
      'auth:load-actor',
      async () =>
        toActor(
          userId,
          sessionId,
          await (await this.tx.manager()).query(loadActor('$1', '$2'), [userId, sessionId]),
        ),
      { userId },
    );
  }
}

function toActor(userId: string, sessionId: string, rows: GrantRow[]): Actor | null {
  if (!rows.length) return null;
  const byLocal = new Map<string, { localId: string; roles: Set<Role>; stewardWorkplaceIds: string[] }>();
  for (const r of rows) {
    if (!r.local_id) continue;
    const g = byLocal.get(r.local_id) ?? {
      localId: r.local_id,
      roles: new Set<Role>(),
      stewardWorkplaceIds: [],
    };
    g.roles.add(r.role);
    if (r.role === Role.STEWARD) g.stewardWorkplaceIds.push(...r.workplace_ids);
    byLocal.set(r.local_id, g);
  }
  return new Actor(userId, rows[0].is_platform_admin, byLocal as Map<string, LocalGrant>, sessionId);
}
