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
  /** A system path inside a request: the request whose transaction it runs in. */
  request?: RequestTx;
  /** The store that called it, so a path nested in a path is known as its caller's. */
  caller?: RequestTx;
  /** On a request: the system path now holding its connection, which other statements wait for. */
  holder?: { store: RequestTx; done: Promise<void> };
  /** On a request: why a system path's failed work could not be undone; the request must not commit. */
  spoiled?: Error;
  /** Run once the transaction has committed (never on a rollback). */
  committed?: (() => void)[];
}

/**
 * Deliberate work beyond a request's own scope: each use names its purpose so it can be found with
 * grep and reviewed. These paths see no request scope, only the allowance their purpose grants.
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
  | 'notes:reencrypt'
  /** Background: reads an approved alert's recipients and records each delivery, in the alert's local. */
  | 'alerts:deliver'
  /** Background: finds due incidents in every local, then erases them in their own locals. */
  | 'incidents:expire'
  /** An OSDI request: finds the live API token its secret names, in any local, and stamps its use. */
  | 'osdi:authenticate'
  /** An OSDI request's work, scoped to its token's local (scopeSystem) once the token is known. */
  | 'osdi:exchange';

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

  /** The named system path this work runs on, if any. */
  systemPurpose(): SystemPurpose | undefined {
    return this.als.getStore()?.purpose;
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
    if (tx.finished || tx.request?.finished) throw new Error('the request transaction has already finished');
    tx.begun ??= this.begin(tx);
    return (await tx.begun).manager;
  }

  /**
   * Runs `fn` once the current transaction commits, and never if it rolls back: a nudge to
   * another component about data it can now see (waking a worker). `fn` must not throw or wait.
   */
  afterCommit(fn: () => void): void {
    const tx = this.current();
    const owner = tx.request ?? tx;
    (owner.committed ??= []).push(fn);
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
    // A system path whose failure could not be undone: what it wrote may remain, so never commit.
    let broken: Error | undefined = commit ? tx.spoiled : undefined;
    try {
      if (commit && !broken) await qr.commitTransaction();
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
    if (commit) for (const fn of tx.committed ?? []) fn();
  }

  /**
   * Deliberate system work, with the allowance of its purpose instead of a request's scope.
   * Repositories called from `fn` use it through manager() as usual.
   * - Inside a request it runs in the request's own transaction, so nothing of it outlives a
   *   request that fails: see inRequestTx().
   * - Outside any request (bootstrap, the sign-in endpoints, scripts) it is its own transaction,
   *   which commits when `fn` resolves and rolls back when it throws.
   */
  system<T>(purpose: SystemPurpose, fn: () => Promise<T>, as?: { userId: string }): Promise<T> {
    const outer = this.als.getStore();
    const request = outer?.request ?? (outer && !outer.purpose ? outer : undefined);
    if (outer && request) return this.inRequestTx(request, outer, purpose, fn, as);
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

  /**
   * A system path inside a request: a savepoint in the request transaction, with the path's own
   * settings set transaction-locally and the request's put back after it (a failure rolls back to
   * the savepoint, which undoes both its writes and its settings). Sibling fields share the
   * request's connection, so while the path holds it their statements wait (serialized()): no
   * statement of theirs ever runs with the path's allowance.
   */
  private async inRequestTx<T>(
    request: RequestTx,
    caller: RequestTx,
    purpose: SystemPurpose,
    fn: () => Promise<T>,
    as?: { userId: string },
  ): Promise<T> {
    if (request.finished) throw new Error('the request transaction has already finished');
    const nested = request.holder !== undefined && within(caller, request.holder.store);
    while (!nested && request.holder) await request.holder.done;
    const store: RequestTx = { userId: as?.userId ?? null, finished: false, purpose, request, caller };
    let release: () => void = () => undefined;
    // Claimed before the first await below, so two paths never hold the connection at once.
    if (!nested) request.holder = { store, done: new Promise<void>((r) => (release = r)) };
    try {
      request.begun ??= this.begin(request);
      store.begun = request.begun;
      return await this.als.run(store, async () => {
        const qr = await request.begun!;
        const [saved] = (await qr.query(
          `select current_setting('app.user_id', true) as user_id,
                  current_setting('app.local_ids', true) as local_ids,
                  current_setting('app.system_purpose', true) as purpose`,
        )) as { user_id: string | null; local_ids: string | null; purpose: string | null }[];
        await qr.query('savepoint juntos_system');
        let result: T;
        try {
          await qr.query(
            `select set_config('app.system_purpose', $1, true), set_config('app.local_ids', '', true),
                    set_config('app.user_id', $2, true)`,
            [purposeLiteral(purpose), as ? uuidText(as.userId) : ''],
          );
          result = await fn();
        } catch (e) {
          try {
            await qr.query('rollback to savepoint juntos_system');
            await qr.query('release savepoint juntos_system');
          } catch (undo) {
            request.spoiled = undo as Error;
          }
          throw e;
        }
        await qr.query(
          `select set_config('app.system_purpose', $1, true), set_config('app.local_ids', $2, true),
                  set_config('app.user_id', $3, true)`,
          [saved.purpose ?? '', saved.local_ids ?? '', saved.user_id ?? ''],
        );
        await qr.query('release savepoint juntos_system');
        return result;
      });
    } finally {
      if (!nested) {
        request.holder = undefined;
        release();
      }
    }
  }

  /** A statement's turn on a request's connection: wait while a system path it is not part of holds it. */
  private turn(): Promise<void> | undefined {
    const store = this.als.getStore();
    const holder = (store?.request ?? store)?.holder;
    return holder && !within(store, holder.store) ? holder.done : undefined;
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
    const qr = serialized(this.ds.createQueryRunner(), () => this.turn());
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

/** Whether `store` is `holder` or was called from within it. */
function within(store: RequestTx | undefined, holder: RequestTx): boolean {
  for (let s = store; s; s = s.caller) if (s === holder) return true;
  return false;
}

/**
 * Sibling GraphQL fields resolve concurrently but share the request's one connection: their
 * statements are queued here, in order, rather than sent over the wire at once. A statement
 * first waits for its `turn` (while a system path holds the connection, only its own go).
 */
function serialized(qr: QueryRunner, turn: () => Promise<void> | undefined): QueryRunner {
  const query = qr.query.bind(qr) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    const wait = turn();
    // Asked again once the path ends, since another may have taken the connection meanwhile.
    if (wait) return wait.then(() => queued(...args));
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  (qr as { query: (...args: unknown[]) => Promise<unknown> }).query = queued;
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
