import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { systemScope } from '@juntos/access';
import { TransactionHost } from '@juntos/db';
import { JobQueue, QueuedJob } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import { AlertChannels } from './alert-channels';
import { ALERT_DELIVERY_QUEUE, DeliveryJob } from './alerts.service';
import { AlertsRepository, DeliveryToSend } from './alerts.repository';
import { SendOutcome } from './channels';
import { AlertStatus, DeliveryStatus } from './rapid-response.entity';

/** Pollers of the delivery queue per process: one sends while the other fetches and records. */
const WORKERS = 2;

/** At most `limit` of the returned functions' promises run at once, across every caller. */
function limiter(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Sends approved alerts, one message per recipient, from the outbox the approval wrote. Each
 * batch: read the recipients' numbers (never stored with the delivery), send through the channel
 * with ALERT_DELIVERY_CONCURRENCY messages in flight, then record the outcomes. A failure that
 * may pass later goes back to pg-boss, which retries it with backoff; after its last try, or on a
 * failure no retry can fix, the delivery is FAILED.
 */
@Injectable()
export class AlertDeliveryWorker implements OnApplicationBootstrap {
  private readonly log = new Logger('AlertDelivery');
  private readonly slot: <T>(fn: () => Promise<T>) => Promise<T>;
  private readonly concurrency: number;

  constructor(
    private readonly jobs: JobQueue,
    private readonly tx: TransactionHost,
    private readonly alerts: AlertsRepository,
    private readonly channels: AlertChannels,
    private readonly audit: AuditService,
    config: ConfigService,
  ) {
    this.concurrency = config.getOrThrow<number>('ALERT_DELIVERY_CONCURRENCY');
    this.slot = limiter(this.concurrency);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<DeliveryJob>(
      ALERT_DELIVERY_QUEUE,
      // A batch keeps every slot busy while the other worker records its outcomes.
      { batchSize: Math.max(10, this.concurrency * 2), pollingIntervalSeconds: 0.5, workers: WORKERS },
      (batch) => this.deliver(batch),
    );
  }

  async deliver(batch: QueuedJob<DeliveryJob>[]): Promise<void> {
    const byLocal = new Map<string, QueuedJob<DeliveryJob>[]>();
    for (const job of batch) {
      const jobs = byLocal.get(job.data.localId) ?? [];
      byLocal.set(job.data.localId, jobs);
      jobs.push(job);
    }
    for (const [localId, jobs] of byLocal) await this.deliverInLocal(localId, jobs);
  }

  private async deliverInLocal(localId: string, jobs: QueuedJob<DeliveryJob>[]): Promise<void> {
    const rows = await this.inLocal(localId, (scope) =>
      this.alerts.toSend(
        scope,
        jobs.map((j) => j.data.deliveryId),
      ),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const delivered: string[] = [];
    const failed: string[] = [];
    const retrying: string[] = [];
    const retryJobs: string[] = [];
    await Promise.all(
      jobs.map(async (job) => {
        const row = byId.get(job.data.deliveryId);
        // Gone with its alert, or already settled (a cancel, an expiry, an earlier attempt).
        if (!row || row.status !== DeliveryStatus.PENDING || row.alertStatus !== AlertStatus.SENDING) return;
        const outcome = await this.send(row);
        if (outcome.ok) return delivered.push(row.id);
        const lastTry = job.retryCount >= job.retryLimit;
        if (outcome.retry && !lastTry) {
          retrying.push(row.id);
          retryJobs.push(job.id);
        } else failed.push(row.id);
        this.log.warn(
          `delivery ${row.id} of alert ${row.alertId}: ${outcome.reason}${outcome.retry && !lastTry ? ', will retry' : ''}`,
        );
      }),
    );
    const alertIds = [...new Set(rows.map((r) => r.alertId))];
    // Sent is sent: recording the outcomes is retried here rather than failing the batch, which
    // would have pg-boss send every message of it again.
    if (alertIds.length)
      await this.withRetries(() => this.record(localId, alertIds, { delivered, failed, retrying }));
    // Back to pg-boss: the batch's other jobs complete when this handler returns.
    await this.jobs.fail(ALERT_DELIVERY_QUEUE, retryJobs);
  }

  private record(
    localId: string,
    alertIds: string[],
    outcomes: { delivered: string[]; failed: string[]; retrying: string[] },
  ): Promise<void> {
    return this.inLocal(localId, async (scope) => {
      const sent = await this.alerts.record(scope, alertIds, outcomes);
      // The last step of an alert, in the log: how many, never who.
      for (const a of sent)
        await this.audit.recordAs(
          { actorId: null, ip: null },
          {
            localId,
            action: 'alert.sent',
            targetType: 'Alert',
            targetId: a.alertId,
            detail: { delivered: a.delivered, failed: a.failed },
          },
        );
    });
  }

  /** Three tries, a second apart and then three: a deadlock or a failover passes in that time. */
  private async withRetries(fn: () => Promise<void>): Promise<void> {
    for (const wait of [1000, 3000]) {
      try {
        return await fn();
      } catch (e) {
        this.log.warn(`recording deliveries failed, retrying: ${(e as Error).name}`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    await fn();
  }

  private send(row: DeliveryToSend): Promise<SendOutcome> {
    const channel = this.channels.current;
    if (!channel) return Promise.resolve({ ok: false, retry: true, reason: 'no-channel' });
    // An erased or archived member, or one whose phone was removed since approval.
    if (!row.phone || row.message === null)
      return Promise.resolve({ ok: false, retry: false, reason: 'no-recipient' });
    const message = {
      alertId: row.alertId,
      to: row.phone,
      language: row.language ?? 'en',
      text: row.message,
    };
    return this.slot(() => channel.send(message));
  }

  /** Database work for one local on the delivery path, under that local's row-level security. */
  private inLocal<T>(localId: string, fn: (scope: ReturnType<typeof systemScope>) => Promise<T>): Promise<T> {
    return this.tx.system('alerts:deliver', async () => {
      await this.tx.scopeSystem({ localIds: [localId] });
      return fn(systemScope(this.tx, 'alerts:deliver', localId));
    });
  }
}
