import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../../jobs/job-queue';
import { AlertChannels } from './alert-channels';
import { ProposeAlertInput } from './dto/rapid-response.inputs';
import { approvalProblem, cancellationProblem, expiredProblem, proposalProblem } from './incident-rules';
import { AlertsRepository, DeliveryCounts } from './alerts.repository';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { AlertEntity, AlertStatus, IncidentEntity } from './rapid-response.entity';

export const ALERT_DELIVERY_QUEUE = 'alert-delivery';

/** One recipient's delivery job: ids only, never a number or the text. */
export interface DeliveryJob {
  localId: string;
  alertId: string;
  deliveryId: string;
}

/** Proposing, approving (by a second person) and cancelling alerts; reading them. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly access: AccessService,
    private readonly alerts: AlertsRepository,
    private readonly incidentRows: IncidentsRepository,
    private readonly incidents: IncidentsService,
    private readonly channels: AlertChannels,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly tx: TransactionHost,
  ) {}

  async propose(ctx: RequestContext, input: ProposeAlertInput): Promise<AlertEntity> {
    const scope = await this.access.requireRecord(ctx, 'incidents:respond', 'incident', input.incidentId);
    // Held: a check changing the status waits for this proposal, and this one for it.
    const incident = await this.incidentRows.hold(scope, input.incidentId);
    if (!incident) throw notFound('Incident');
    const problem =
      expiredProblem(incident) ?? proposalProblem(incident.status, input.audience, incident.workplaceId);
    if (problem) throw problem;
    const alert = await this.alerts.insert(scope, {
      incidentId: incident.id,
      audience: input.audience,
      message: input.message,
      proposedBy: ctx.actor.userId,
    });
    await this.incidents.changed(scope, incident.id);
    await this.audit.recordIn(ctx, scope, 'alert.propose', { type: 'Alert', id: alert.id });
    return alert;
  }

  /**
   * By someone other than the proposer, while the incident is still confirmed. Fixes the
   * recipients and queues one delivery job per recipient in this transaction (the outbox): if the
   * approval does not commit, nothing is sent. Approving again answers the alert as it is.
   */
  async approve(ctx: RequestContext, id: string): Promise<AlertEntity> {
    const scope = await this.access.requireRecord(ctx, 'incidents:respond', 'alert', id);
    const { alert, incident } = await this.holdAlert(scope, id);
    const { problem, already } = approvalProblem(alert, incident.status, ctx.actor.userId);
    if (problem) throw problem;
    if (already) return alert;
    const expired = expiredProblem(incident);
    if (expired) throw expired;
    if (!this.channels.current)
      throw badInput(
        'No channel for text messages is configured: set ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET, or the TWILIO_ settings (see README, "The rapid-response network").',
        'id',
      );
    const deliveries = await this.alerts.approve(scope, alert, ctx.actor.userId, incident.workplaceId);
    await this.jobs.enqueue<DeliveryJob>(
      ALERT_DELIVERY_QUEUE,
      deliveries.map((deliveryId) => ({ data: { localId: scope.localId, alertId: id, deliveryId } })),
    );
    // Workers in this process start at once instead of at their next poll.
    this.tx.afterCommit(() => this.jobs.wake(ALERT_DELIVERY_QUEUE));
    await this.incidents.changed(scope, incident.id);
    // One event per mutation: with 0 recipients the alert is SENT at once, and this one says so.
    await this.audit.recordIn(
      ctx,
      scope,
      'alert.approve',
      { type: 'Alert', id },
      { recipients: deliveries.length },
    );
    return (await this.alerts.find(scope, id))!;
  }

  /** Stops an alert not yet sent: what was not delivered is skipped. Idempotent. */
  async cancel(ctx: RequestContext, id: string): Promise<AlertEntity> {
    const scope = await this.access.requireRecord(ctx, 'incidents:respond', 'alert', id);
    const { alert } = await this.holdAlert(scope, id);
    const problem = cancellationProblem(alert.status);
    if (problem) throw problem;
    if (alert.status !== AlertStatus.CANCELLED) {
      await this.alerts.cancel(scope, id);
      await this.incidents.changed(scope, alert.incidentId);
      await this.audit.recordIn(ctx, scope, 'alert.cancel', { type: 'Alert', id });
    }
    return (await this.alerts.find(scope, id))!;
  }

  /** The alert and its incident, both held: the incident first, as every write about it does. */
  private async holdAlert(
    scope: Scope,
    id: string,
  ): Promise<{ alert: AlertEntity; incident: IncidentEntity }> {
    const found = await this.alerts.find(scope, id);
    const incident = found && (await this.incidentRows.hold(scope, found.incidentId));
    const alert = incident && (await this.alerts.hold(scope, id));
    if (!incident || !alert) throw notFound('Alert');
    return { alert, incident };
  }

  /** An incident's alerts: organizers and admins only; the list is empty for anyone else. */
  detailsScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'incidents:details', localId);
  }

  forIncidents(scope: Scope, incidentIds: readonly string[]): Promise<AlertEntity[]> {
    return this.alerts.forIncidents(scope, incidentIds);
  }

  counts(scope: Scope, alertIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
    return this.alerts.counts(scope, alertIds);
  }
}
