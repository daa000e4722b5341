import { Injectable } from '@nestjs/common';
import { Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import { byTime, keysetPage, TransactionHost } from '@juntos/db';
import { ResponderEntity, ResponderSkill } from './rapid-response.entity';

const OLDEST = byTime<ResponderEntity>('r.created_at', 'r.id', (r) => r.createdAt, 'ASC');

/** The responder roster: organizers and admins only, so every read reaches the whole local. */
@Injectable()
export class RespondersRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Oldest first. */
  async page(scope: Scope, args: PageArgs): Promise<Page<ResponderEntity>> {
    const em = await this.tx.manager();
    const qb = em.createQueryBuilder(ResponderEntity, 'r').where('r.local_id = :l', { l: scope.localId });
    return keysetPage(qb, OLDEST, args);
  }

  /**
   * Makes the member a responder, or updates them: one row per member, its workplaces replaced by
   * `workplaceIds` in the same transaction.
   */
  async upsert(
    scope: Scope,
    r: { memberId: string; skills: ResponderSkill[]; available: boolean; workplaceIds: readonly string[] },
  ): Promise<ResponderEntity> {
    const em = await this.tx.manager();
    const [row]: Partial<ResponderEntity>[] = await em.query(
      `insert into responder (local_id, member_id, skills, available) values ($1, $2, $3, $4)
       on conflict (member_id) do update set skills = excluded.skills, available = excluded.available, updated_at = now()
       returning id, local_id as "localId", member_id as "memberId", skills, available,
                 created_at as "createdAt", updated_at as "updatedAt"`,
      [scope.localId, r.memberId, r.skills, r.available],
    );
    await em.query(
      `delete from responder_workplace where responder_id = $1 and local_id = $2 and workplace_id <> all($3::uuid[])`,
      [row.id, scope.localId, r.workplaceIds],
    );
    await em.query(
      `insert into responder_workplace (local_id, responder_id, workplace_id)
       select $1, $2, w from unnest($3::uuid[]) w on conflict do nothing`,
      [scope.localId, row.id, r.workplaceIds],
    );
    return Object.assign(new ResponderEntity(), row);
  }

  /** True when the member was a responder. */
  async remove(scope: Scope, memberId: string): Promise<boolean> {
    const em = await this.tx.manager();
    const [rows] = (await em.query(
      `delete from responder where member_id = $1 and local_id = $2 returning id`,
      [memberId, scope.localId],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** The workplaces each responder covers, for many responders in one statement. */
  async workplacesOf(scope: Scope, responderIds: readonly string[]): Promise<Map<string, string[]>> {
    const em = await this.tx.manager();
    const rows: { responder_id: string; ids: string[] }[] = await em.query(
      `select responder_id, array_agg(workplace_id order by workplace_id) as ids from responder_workplace
        where responder_id = any($1::uuid[]) and local_id = $2 group by responder_id`,
      [responderIds, scope.localId],
    );
    return new Map(rows.map((r) => [r.responder_id, r.ids]));
  }
}
