import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface RequestTx {
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
    return this.als.run({ userId: null, finished: false }, fn);
  }

  inRequest(): boolean {
    return this.als.getStore() !== undefined;
  }

  /** Inside system() work rather than a request. */
  isSystem(): boolean {
    return this.als.getStore()?.purpose !== undefined;
  }

  /**
   * Begins the request transaction as `userId`, whose own grants row-level security lets them
   * read, and runs `statement` in the same round trip. The statement builds the Actor: it must
   * set `app.local_ids` to the Actor's locals itself, in the same snapshot it reads them from.
   * It receives the user id as a checked SQL literal (the simple protocol has no parameters).
   */
  async beginAs<R>(userId: string, statement: (user: string) => string): Promise<R[]> {
    const tx = this.current();
    if (tx.begun || tx.purpose) throw new Error('beginAs() must be the first statement of a request');
    tx.userId = userId;
    let rows: R[] = [];
    tx.begun = this.begin(tx, async (client) => {
      const results = (await client.query(
        `begin; select set_config('app.user_id', ${uuidLiteral(userId)}, true); ${statement(uuidLiteral(userId))}`,
      )) as unknown as { rows: R[] }[];
      rows = results[2].rows;
    });
    await tx.begun;
    return rows;
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
    const store: RequestTx = { userId: as?.userId ?? null, finished: false, purpose };
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

  /**
   * Takes a connection and begins the transaction with its scope in one round trip: `begin` and
   * the `set_config` calls travel as one simple-protocol message (or `opening` sends them with
   * its own first statement).
   */
  private async begin(tx: RequestTx, opening?: (client: PoolClient) => Promise<void>): Promise<QueryRunner> {
    const qr = serialized(this.ds.createQueryRunner());
    const client = (await qr.connect()) as PoolClient;
    try {
      if (opening) await opening(client);
      else {
        // A system path may start as a user (their own grants). A request that began without
        // beginAs() is anonymous: it sees no local.
        const scope = tx.purpose
          ? `set_config('app.system_purpose', '${purposeLiteral(tx.purpose)}', true)`
          : `set_config('app.local_ids', '', true)`;
        const user = tx.userId ? uuidLiteral(tx.userId) : `''`;
        await client.query(`begin; select ${scope}, set_config('app.user_id', ${user}, true)`);
      }
      // What TypeORM's startTransaction() records, without its extra round trip: the manager's
      // own save() and transaction() then nest inside this transaction instead of committing it.
      Object.assign(qr, { isTransactionActive: true, transactionDepth: 1 });
      return qr;
    } catch (e) {
      await releaseRunner(qr, e as Error);
      throw e;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid checked character by character, so it can stand in a simple-protocol statement. */
function uuidText(id: string): string {
  if (!UUID.test(id)) throw new Error('not a uuid');
  return id;
}

function uuidLiteral(id: string): string {
  return `'${uuidText(id)}'`;
}

function purposeLiteral(p: SystemPurpose): string {
  if (!/^[a-z:-]+$/.test(p)) throw new Error('not a system purpose');
  return p;
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
