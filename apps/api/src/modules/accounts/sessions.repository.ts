import { Injectable } from '@nestjs/common';
import { Scope } from '@juntos/access';
import {
  AccountLockEntity,
  LoginAttemptEntity,
  RefreshTokenEntity,
  SessionEntity,
  TransactionHost,
} from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';

/** Which of a user's live sessions to end: one, all but one, or all. */
export type SessionSelector = { only: string } | { except: string } | 'all';

/** Sessions, refresh tokens and the brute-force counters, all in Postgres so every replica shares them. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Deletes, a batch at a time, sessions that ended or expired before `before`, with their refresh
   * tokens: a user agent is kept no longer than a session needs it, and a dead session's tokens can
   * only be refused.
   */
  async pruneDead(before: Date, batch: number): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `delete from session where id in (
         select id from session where coalesce(ended_at, expires_at) < $1 limit $2 for update skip locked)`,
      [before, batch],
    );
  }

  async insertSession(userId: string, userAgent: string | null, expiresAt: Date): Promise<SessionEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(SessionEntity, { userId, userAgent, expiresAt }));
  }

  async insertRefreshToken(
    userId: string,
    sessionId: string,
    tokenHash: Buffer,
    expiresAt: Date,
  ): Promise<RefreshTokenEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(RefreshTokenEntity, { userId, sessionId, tokenHash, expiresAt }));
  }

  /**
   * At a refresh: marks the session used and moves its expiry to the new token's. False when the
   * session has ended. The row stays locked to the transaction's end, so a refresh and an ending
   * of the same session happen one after the other.
   */
  async touchForRefresh(sessionId: string, expiresAt: Date): Promise<boolean> {
    const em = await this.tx.manager();
    const [rows]: [unknown[], number] = await em.query(
      `update session set last_used_at = now(), expires_at = $2
        where id = $1 and ended_at is null and expires_at > now() returning id`,
      [sessionId, expiresAt],
    );
    return rows.length === 1;
  }

  /** The user's LIST_MAX.sessions most recently used live sessions, most recent first. */
  async listLive(userId: string): Promise<SessionEntity[]> {
    const em = await this.tx.manager();
    return em
      .createQueryBuilder(SessionEntity, 's')
      .where('s.userId = :userId and s.endedAt is null and s.expiresAt > now()', { userId })
      .orderBy('coalesce(s.lastUsedAt, s.createdAt)', 'DESC')
      .addOrderBy('s.id')
      .limit(LIST_MAX.sessions)
      .getMany();
  }

  /**
   * Ends the chosen live sessions of one user and revokes their refresh tokens; returns how many
   * ended. The session's end is what the Actor load and a refresh check.
   */
  async end(userId: string, which: SessionSelector): Promise<number> {
    const em = await this.tx.manager();
    const only = typeof which === 'object' && 'only' in which ? which.only : null;
    const except = typeof which === 'object' && 'except' in which ? which.except : null;
    const [row]: { n: number }[] = await em.query(
      `with ended as (
         update session set ended_at = now()
          where user_id = $1 and ended_at is null and expires_at > now()
            and ($2::uuid is null or id = $2) and ($3::uuid is null or id <> $3)
         returning id),
       revoked as (
         update refresh_token set revoked_at = now()
          where session_id in (select id from ended) and revoked_at is null)
       select count(*)::int as n from ended`,
      [userId, only, except],
    );
    return row.n;
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

  /**
   * A local admin's lost-phone action: ends every live session of a user who holds a role in the
   * scope's local, in one statement. Null when they hold none there (the caller's NOT_FOUND).
   */
  async endForUserInLocal(scope: Scope, userId: string): Promise<number | null> {
    const em = await this.tx.manager();
    const [row]: { holds: boolean; n: number }[] = await em.query(
      `with holder as (
         select exists (select 1 from role_assignment where local_id = $1 and user_id = $2) as holds),
       ended as (
         update session set ended_at = now()
          where user_id = $2 and ended_at is null and expires_at > now() and (select holds from holder)
         returning id),
       revoked as (
         update refresh_token set revoked_at = now()
          where session_id in (select id from ended) and revoked_at is null)
       select (select holds from holder) as holds, (select count(*)::int from ended) as n`,
      [scope.localId, userId],
    );
    return row.holds ? row.n : null;
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
