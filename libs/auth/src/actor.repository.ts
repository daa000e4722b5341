import { Injectable } from '@nestjs/common';
import { Role } from '@juntos/common';
import { TransactionHost } from '@juntos/db';
import { Actor, LocalGrant } from './actor';

interface GrantRow {
  local_id: string;
  role: Role;
  workplace_ids: string[];
}

@Injectable()
export class ActorRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Loads the Actor for a token's subject. A system path: the locals are not known before it runs.
   * Null when the user no longer exists.
   */
  load(userId: string): Promise<Actor | null> {
    return this.tx.system('auth:load-actor', async () => {
      // Row-level security lets a user read their own grants, and nothing else, here.
      await this.tx.scopeSystem({ userId });
      const em = await this.tx.manager();
      const users: { is_platform_admin: boolean }[] = await em.query(
        'select is_platform_admin from app_user where id = $1',
        [userId],
      );
      if (!users.length) return null;
      const rows: GrantRow[] = await em.query(
        `select ra.local_id, ra.role,
                coalesce(array_agg(raw.workplace_id) filter (where raw.workplace_id is not null), '{}') as workplace_ids
           from role_assignment ra
           left join role_assignment_workplace raw on raw.role_assignment_id = ra.id
          where ra.user_id = $1
          group by ra.id, ra.local_id, ra.role`,
        [userId],
      );
      const grants = new Map<string, { localId: string; roles: Set<Role>; stewardWorkplaceIds: string[] }>();
      for (const r of rows) {
        const g = grants.get(r.local_id) ?? {
          localId: r.local_id,
          roles: new Set<Role>(),
          stewardWorkplaceIds: [],
        };
        g.roles.add(r.role);
        if (r.role === Role.STEWARD) g.stewardWorkplaceIds.push(...r.workplace_ids);
        grants.set(r.local_id, g);
      }
      return new Actor(userId, users[0].is_platform_admin, grants as Map<string, LocalGrant>);
    });
  }
}
