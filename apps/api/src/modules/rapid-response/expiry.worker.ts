import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import { IncidentsRepository } from './incidents.repository';
import { INCIDENT_EXPIRY_QUEUE } from './incidents.service';

/** Incidents erased per transaction; a sweep repeats until none is due. */
const BATCH = 200;
/** The sweep that backs up the expiry jobs each change schedules: every 10 minutes, on its own queue. */
const SWEEP_QUEUE = 'incident-expiry-sweep';
const SWEEP_CRON = '*/10 * * * *';

/**
 * Erases incidents whose retention has run out (INCIDENT_RETENTION_HOURS after their last change):
 * their location and details, their verifications' notes, their alerts' text. Kind, status,
 * workplace and dates stay, for the numbers. Every change schedules a run at its incident's new
 * expiry; a run erases every incident then due, in any local.
 */
@Injectable()
export class IncidentExpiryWorker implements OnApplicationBootstrap {
  private readonly log = new Logger('IncidentExpiry');

  constructor(
    private readonly jobs: JobQueue,
    private readonly tx: TransactionHost,
    private readonly incidents: IncidentsRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const queue of [INCIDENT_EXPIRY_QUEUE, SWEEP_QUEUE])
      await this.jobs.work(queue, { batchSize: 20, pollingIntervalSeconds: 1 }, async () => {
        await this.sweep();
      });
    await this.jobs.schedule(SWEEP_QUEUE, SWEEP_CRON);
  }

  /** Erases every incident due now; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tx.system('incidents:expire', async () => {
        const due = await this.incidents.due(BATCH);
        if (!due.length) return 0;
        // Found through the select-only expiry policy; erased like a request of those locals.
        await this.tx.scopeSystem({ localIds: [...new Set(due.map((d) => d.localId))] });
        const erased = await this.incidents.erase(due.map((d) => d.id));
        for (const e of erased)
          await this.audit.recordAs(
            { actorId: null, ip: null },
            { localId: e.localId, action: 'incident.expire', targetType: 'Incident', targetId: e.id },
          );
        return erased.length;
      });
      total += n;
      if (n < BATCH) break;
    }
    if (total) this.log.log(`erased ${total} expired incident(s)`);
    return total;
  }
}
