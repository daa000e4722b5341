import { Global, Injectable, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { JOBS_APPLICATION_NAME, TransactionHost } from '@juntos/db';
import { JOBS_SCHEMA } from '../../../../migrations/1796800000000-jobs';

/** A job to run once its transaction commits; `startAfter` delays it (an incident's expiry). */
export interface JobRequest<T extends object> {
  data: T;
  startAfter?: Date;
}

/** A fetched job, as a handler sees it. */
export type QueuedJob<T> = PgBoss.JobWithMetadata<T>;

export interface WorkerOptions {
  /** Jobs fetched at once. */
  batchSize: number;
  /** How long an idle worker waits between polls. pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds: number;
  /** Workers polling this queue in this process. */
  workers?: number;
}

/**
 * Background work on pg-boss, in the API's own Postgres (DESIGN.md, "Background work").
 *
 * `enqueue` writes jobs in the request's transaction: they exist only if the data that caused
 * them commits (a transactional outbox), and nobody can see a job for a write that rolled back.
 * Workers run outside any request and take their own system path for database work.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Jobs');
  private boss?: PgBoss;
  private readonly workerIds = new Map<string, string[]>();
  private stopping = false;

  constructor(
    private readonly config: ConfigService,
    private readonly tx: TransactionHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.getOrThrow<string>('DATABASE_URL'),
      schema: JOBS_SCHEMA,
      // The schema and queues are the migrations' (run by the owner); this role may not create tables.
      migrate: false,
      // Polling and maintenance only: request-time enqueues use the request's own connection.
      max: 3,
      application_name: JOBS_APPLICATION_NAME,
      // Maintenance (expiring stuck jobs, deleting old ones) every few minutes is plenty.
      maintenanceIntervalSeconds: 300,
    });
    boss.on('error', (e: Error) => {
      if (!this.stopping) this.log.warn(`pg-boss: ${e.message}`);
    });
    await boss.start();
    this.boss = boss;
  }

  /** Starts `workers` pollers of a queue in this process; call it from onApplicationBootstrap. */
  async work<T>(
    name: string,
    options: WorkerOptions,
    handler: (jobs: QueuedJob<T>[]) => Promise<void>,
  ): Promise<void> {
    const boss = this.started();
    const ids: string[] = [];
    for (let i = 0; i < (options.workers ?? 1); i++) {
      const id: string = await boss.work<T>(
        name,
        {
          batchSize: options.batchSize,
          pollingIntervalSeconds: options.pollingIntervalSeconds,
          includeMetadata: true,
        },
        async (jobs) => {
          await handler(jobs as QueuedJob<T>[]);
          // A full batch means more are likely waiting: fetch again at once instead of after the
          // polling interval (pg-boss waits out the interval unless its worker is notified).
          if (jobs.length === options.batchSize) boss.notifyWorker(id);
        },
      );
      ids.push(id);
    }
    this.workerIds.set(name, [...(this.workerIds.get(name) ?? []), ...ids]);
  }

  /**
   * Adds jobs inside the current request or system transaction, in one statement. They run only if
   * it commits; call `wake` after the commit to skip the polling interval.
   */
  async enqueue<T extends object>(name: string, jobs: readonly JobRequest<T>[]): Promise<void> {
    if (!jobs.length) return;
    const em = await this.tx.manager();
    const runner = em.queryRunner;
    if (!runner) throw new Error('enqueue() needs the transaction the data is written in');
    await this.started().insert(
      jobs.map((j) => ({ name, data: j.data, startAfter: j.startAfter })),
      {
        db: {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: (await runner.query(text, values, true)).records ?? [],
          }),
        },
      },
    );
  }

  /** Wakes this process's workers of a queue, so jobs just committed start without waiting for a poll. */
  wake(name: string): void {
    for (const id of this.workerIds.get(name) ?? []) this.boss?.notifyWorker(id);
  }

  /** Fails these jobs now; pg-boss retries each with backoff until its retry limit, then fails it for good. */
  async fail(name: string, ids: readonly string[]): Promise<void> {
    if (ids.length) await this.started().fail(name, [...ids]);
  }

  /** Runs a cron schedule (UTC) on a queue; several API processes share it. */
  async schedule(name: string, cron: string): Promise<void> {
    await this.started().schedule(name, cron, {}, { tz: 'UTC' });
  }

  /** Before the database pool closes: workers finish (or give back) what they hold. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.boss?.stop({ graceful: true, timeout: 5000, wait: true }).catch(() => undefined);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue has not started');
    return this.boss;
  }
}

@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
