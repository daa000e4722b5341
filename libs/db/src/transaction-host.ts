import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface RequestTx {
  localIds: readonly string[];
  userId: string | null;
  begun?: Promise<QueryRunner>;
  finished: boolean;
  purpose?: SystemPurpose;
}

/**
 * Deliberate work outside any request: each use names its purpose so it can be found with grep
 * and reviewed. These paths see no request scope.
 */
export type SystemPurpose =
  | 'bootstrap'
  | 'auth:load-actor'
  | 'auth:login'
  | 'auth:refresh'
  | 'auth:logout'
  | 'auth:accept-invitation'
  | 'platform:create-local'
  | 'platform:invite-first-admin'
  | 'notes:key-check'
  | 'notes:reencrypt';

/**
 * One transaction per request. The request's EntityManager travels in AsyncLocalStorage, so a
 * repository never receives it as a parameter and cannot pick another. The transaction begins
 * lazily, on the first statement, with the Actor's locals set transaction-locally.
 */
@Injectable()
export class TransactionHost {
  private readonly als = new AsyncLocalStorage<RequestTx>();
  private readonly log = new Logger(TransactionHost.name);

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Runs `fn` as one request. Everything it awaits shares the request transaction. */
  runRequest<T>(fn: () => T): T {
    return this.als.run({ localIds: [], userId: null, finished: false }, fn);
  }

  inRequest(): boolean {
    return this.als.getStore() !== undefined;
  }

  /** Sets the locals this request may touch. Must come before the first statement. */
  scopeTo(localIds: readonly string[], userId: string): void {
    const tx = this.current();
    if (tx.begun) throw new Error('request scope must be set before the transaction begins');
    tx.localIds = localIds;
    tx.userId = userId;
  }

  /**
   * Inside system work: scope the rest of it to a user (their own grants) or to locals, once
   * they are known. Row-level security then holds it to those rows like any request.
   */
  async scopeSystem(scope: { userId?: string; localIds?: readonly string[] }): Promise<void> {
    const tx = this.current();
    if (!tx.purpose) throw new Error('scopeSystem() is for system work; a request is scoped by its Actor');
    const em = await this.manager();
    if (scope.userId !== undefined)
      await em.query(`select set_config('app.user_id', $1, true)`, [scope.userId]);
    if (scope.localIds !== undefined) {
      await em.query(`select set_config('app.local_ids', $1, true)`, [
        scope.localIds.length ? `{${scope.localIds.join(',')}}` : '',
      ]);
    }
  }

  /** The request transaction's EntityManager. For repositories only. */
  async manager(): Promise<EntityManager> {
    const tx = this.current();
    if (tx.finished) throw new Error('the request transaction has already finished');
    tx.begun ??= this.begin(tx);
    return (await tx.begun).manager;
  }

  /** Ends the request transaction: commit or roll back, then always release the connection. */
  async finish(commit: boolean): Promise<void> {
    const tx = this.als.getStore();
    if (!tx || tx.finished) return;
    tx.finished = true;
    if (!tx.begun) return;
    let qr: QueryRunner;
    try {
      qr = await tx.begun;
    } catch {
      return; // begin failed and already released its connection
    }
    let broken: Error | undefined;
    try {
      if (commit) await qr.commitTransaction();
      else await qr.rollbackTransaction();
    } catch (e) {
      broken = e as Error;
      this.log.warn(`request transaction did not ${commit ? 'commit' : 'roll back'}: ${broken.message}`);
      await qr.rollbackTransaction().catch(() => undefined);
    } finally {
      // A connection whose transaction state is unknown is destroyed, never returned to the pool.
      await releaseRunner(qr, broken);
    }
    if (broken && commit) throw broken;
  }

  /**
   * Deliberate system work in its own transaction, outside any request scope (nested inside a
   * request, it still gets its own connection). Repositories called from `fn` use it through
   * manager() as usual. It commits when `fn` resolves and rolls back when it throws.
   */
  system<T>(purpose: SystemPurpose, fn: () => Promise<T>, as?: { userId: string }): Promise<T> {
    const store: RequestTx = { localIds: [], userId: as?.userId ?? null, finished: false, purpose };
    return this.als.run(store, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (e) {
        await this.finish(false);
        throw e;
      }
      await this.finish(true);
      return result;
    });
  }

  private current(): RequestTx {
    const tx = this.als.getStore();
    if (!tx)
      throw new Error('no request transaction: use TransactionHost.system() for deliberate system work');
    return tx;
  }

  private async begin(tx: RequestTx): Promise<QueryRunner> {
    const qr = serialized(this.ds.createQueryRunner());
    await qr.connect();
    try {
      await qr.startTransaction();
      if (tx.purpose) {
        // A system path may start as a user (their own grants), in the same first statement.
        await qr.query(
          `select set_config('app.system_purpose', $1, true), set_config('app.user_id', $2, true)`,
          [tx.purpose, tx.userId ?? ''],
        );
      } else {
        await qr.query(`select set_config('app.local_ids', $1, true), set_config('app.user_id', $2, true)`, [
          tx.localIds.length ? `{${tx.localIds.join(',')}}` : '',
          tx.userId ?? '',
        ]);
      }
      return qr;
    } catch (e) {
      await releaseRunner(qr, e as Error);
      throw e;
    }
  }
}

/**
 * Sibling GraphQL fields resolve concurrently but share the request's one connection: their
 * statements are queued here, in order, rather than sent over the wire at once.
 */
function serialized(qr: QueryRunner): QueryRunner {
  const query = qr.query.bind(qr) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (qr as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  return qr;
}

async function releaseRunner(qr: QueryRunner, err?: Error): Promise<void> {
  if (qr.isReleased) return;
  // TypeORM's public release() drops the error; handing it to pg's release makes the pool destroy the client.
  const pgRunner = qr as unknown as { releasePostgresConnection?: (err?: Error) => Promise<void> };
  if (err && pgRunner.releasePostgresConnection)
    await pgRunner.releasePostgresConnection(err).catch(() => undefined);
  else await qr.release().catch(() => undefined);
}
