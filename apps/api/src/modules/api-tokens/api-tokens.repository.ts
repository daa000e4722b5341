import { Injectable } from '@nestjs/common';
import { Scope } from '@juntos/access';
import { TransactionHost } from '@juntos/db';
import { ApiTokenEntity } from './api-token.entity';

/** Capped at read: a local's first tokens, oldest first. */
export const API_TOKENS_LISTED = 100;

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    row: Pick<ApiTokenEntity, 'name' | 'scopes' | 'secretHash' | 'createdBy'>,
  ): Promise<ApiTokenEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(ApiTokenEntity, { ...row, localId: scope.localId }));
  }

  async list(scope: Scope): Promise<ApiTokenEntity[]> {
    const em = await this.tx.manager();
    return em.find(ApiTokenEntity, {
      where: { localId: scope.localId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: API_TOKENS_LISTED,
    });
  }

  async find(scope: Scope, id: string): Promise<ApiTokenEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(ApiTokenEntity, { where: { localId: scope.localId, id } });
  }

  /** Revoked once: a second revoke keeps the first time. */
  async revoke(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em
      .createQueryBuilder()
      .update(ApiTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND local_id = :localId AND revoked_at IS NULL', { id, localId: scope.localId })
      .execute();
  }

  /**
   * On the 'osdi:authenticate' path: the live token with this hash, in any local, stamped as used.
   * A revoked token is never found, so revoking stops it at once.
   */
  async authenticate(secretHash: Buffer): Promise<ApiTokenEntity | null> {
    const em = await this.tx.manager();
    const [rows] = (await em.query(
      `update api_token set last_used_at = now()
        where secret_hash = $1 and revoked_at is null
        returning id, local_id, name, scopes, created_by`,
      [secretHash],
    )) as [{ id: string; local_id: string; name: string; scopes: string[]; created_by: string }[], number];
    const row = rows[0];
    return row
      ? em.create(ApiTokenEntity, {
          id: row.id,
          localId: row.local_id,
          name: row.name,
          scopes: row.scopes as ApiTokenEntity['scopes'],
          // Whom the OSDI write helpers record as collecting a signature or taking attendance.
          createdBy: row.created_by,
        })
      : null;
  }
}
