import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AccountLockEntity, LoginAttemptEntity, RefreshTokenEntity, TransactionHost } from '@juntos/db';

/** Refresh tokens and the brute-force counters, all in Postgres so every replica shares them. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insertRefreshToken(userId: string, tokenHash: Buffer, expiresAt: Date): Promise<RefreshTokenEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(RefreshTokenEntity, { userId, tokenHash, expiresAt }));
  }

  /** Locked until the transaction ends, so two refreshes with one token cannot both rotate it. */
  async findRefreshToken(tokenHash: Buffer): Promise<RefreshTokenEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markRotated(id: string, replacedBy: string): Promise<void> {
    const em = await this.tx.manager();
    await em.update(RefreshTokenEntity, { id }, { revokedAt: new Date(), replacedBy });
  }

  async revoke(id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.update(RefreshTokenEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string): Promise<void> {
    const em = await this.tx.manager();
    await em.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async recordAttempt(accountKey: Buffer, ip: string, outcome: LoginAttemptEntity['outcome']): Promise<void> {
    const em = await this.tx.manager();
    await em.insert(LoginAttemptEntity, { accountKey, ip, outcome });
  }

  async attemptsFromIpSince(ip: string, since: Date): Promise<number> {
    const em = await this.tx.manager();
    const [row]: { n: number }[] = await em.query(
      'select count(*)::int as n from login_attempt where ip = $1 and created_at > $2',
      [ip, since],
    );
    return row.n;
  }

  /** Failures for the account since `since` and since its last successful sign-in. */
  async failuresSince(accountKey: Buffer, since: Date): Promise<number> {
    const em = await this.tx.manager();
    const [row]: { n: number }[] = await em.query(
      `select count(*)::int as n from login_attempt a
        where a.account_key = $1 and a.outcome = 'failure' and a.created_at > $2
          and a.created_at > coalesce((select max(created_at) from login_attempt s
                                        where s.account_key = $1 and s.outcome = 'success'), '-infinity')`,
      [accountKey, since],
    );
    return row.n;
  }

  async lockedUntil(accountKey: Buffer): Promise<Date | null> {
    const em = await this.tx.manager();
    const lock = await em.findOne(AccountLockEntity, { where: { accountKey } });
    return lock && lock.lockedUntil > new Date() ? lock.lockedUntil : null;
  }

  async lock(accountKey: Buffer, until: Date): Promise<void> {
    const em = await this.tx.manager();
    await em.upsert(AccountLockEntity, { accountKey, lockedUntil: until }, ['accountKey']);
  }
}
