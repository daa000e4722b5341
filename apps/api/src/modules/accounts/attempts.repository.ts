import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';

/**
 * What an attempt is serialized on. Each kind has its own advisory-lock namespace, so an email's
 * key can never collide with an address's.
 */
export enum AttemptLock {
  Account = 0x4a55_0001,
  Address = 0x4a55_0002,
  Invitation = 0x4a55_0003,
}

/** At most this many expired rows are deleted per sign-in, so pruning never slows one down much. */
const PRUNE_BATCH = 200;

/**
 * Serialization and retention for the brute-force counters (the counters themselves are read and
 * written through SessionsRepository).
 */
@Injectable()
export class AttemptsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Holds every given lock until the transaction ends, so check, verify and count run one attempt
   * at a time per account and per address: parallel guesses cannot all read "4 failures so far".
   * Locks are always taken in one global order (namespace, then key), so two attempts never
   * deadlock.
   */
  async serialize(...locks: [AttemptLock, string | Buffer][]): Promise<void> {
    const keys = locks
      .map(([space, value]) => [space | 0, createHash('sha256').update(value).digest().readInt32BE(0)])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const em = await this.tx.manager();
    for (const [space, key] of keys) await em.query('select pg_advisory_xact_lock($1, $2)', [space, key]);
  }

  /**
   * Deletes attempts (they hold client addresses) and locks the window no longer needs. Bounded,
   * and skips rows another sign-in is already deleting.
   */
  async prune(windowMs: number): Promise<void> {
    const em = await this.tx.manager();
    const before = new Date(Date.now() - windowMs);
    await em.query(
      `delete from login_attempt where id in (
         select id from login_attempt where created_at < $1 order by created_at limit $2 for update skip locked)`,
      [before, PRUNE_BATCH],
    );
    await em.query(
      `delete from account_lock where account_key in (
         select account_key from account_lock where locked_until < $1 limit $2 for update skip locked)`,
      [new Date(), PRUNE_BATCH],
    );
  }
}
