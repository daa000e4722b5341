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
    // Started as the user: row-level security lets them read their own grants, and nothing else.
    return this.tx.system(
      'auth:load-actor',
      async () => {
        const em = await this.tx.manager();
        // The user and every grant with its steward workplaces, in one statement.
        const rows: (GrantRow & { is_platform_admin: boolean })[] = await em.query(
          `select u.is_platform_admin, g.local_id, g.role, g.workplace_ids
             from app_user u
             left join lateral (
               select ra.local_id, ra.role,
                      coalesce(array_agg(raw.workplace_id) filter (where raw.workplace_id is not null), '{}') as workplace_ids
                 from role_assignment ra
                 left join role_assignment_workplace raw on raw.role_assignment_id = ra.id
                where ra.user_id = u.id
                group by ra.id, ra.local_id, ra.role) g on true
            where u.id = $1`,
          [userId],
        );
        if (!rows.length) return null;
        const grants = new Map<
          string,
          { localId: string; roles: Set<Role>; stewardWorkplaceIds: string[] }
        >();
        for (const r of rows) {
          if (!r.local_id) continue;
          const g = grants.get(r.local_id) ?? {
            localId: r.local_id,
            roles: new Set<Role>(),
            stewardWorkplaceIds: [],
          };
          g.roles.add(r.role);
          if (r.role === Role.STEWARD) g.stewardWorkplaceIds.push(...r.workplace_ids);
          grants.set(r.local_id, g);
        }
        return new Actor(userId, rows[0].is_platform_admin, grants as Map<string, LocalGrant>);
      },
      { userId },
    );
  }
}
