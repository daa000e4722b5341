import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { boundTo, FieldCipher } from '@juntos/crypto';
import { openSealed } from '../../graphql/sealed-text';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../../jobs/job-queue';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { ReportIncidentInput, VerifyIncidentInput } from './dto/rapid-response.inputs';
import { expiredProblem, expiryAfter, reportedAtProblem, statusAfter } from './incident-rules';
import { IncidentsRepository } from './incidents.repository';
import { AlertsRepository } from './alerts.repository';
import { IncidentEntity, IncidentStatus, VerificationEntity } from './rapid-response.entity';

export const INCIDENT_EXPIRY_QUEUE = 'incident-expiry';

export const detailsAad = (localId: string, id: string) => boundTo('incident.details', localId, id);
export const noteAad = (localId: string, id: string) => boundTo('incident_verification.note', localId, id);

/** Reports, verifications, closing, and what each viewer may read of them. */
@Injectable()
export class IncidentsService {
  private readonly log = new Logger('Incidents');

  constructor(
    private readonly access: AccessService,
    private readonly incidents: IncidentsRepository,
    private readonly alerts: AlertsRepository,
    private readonly workplaces: WorkplacesService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly config: ConfigService,
  ) {}

  /** Stewards report at their assigned workplaces, or with no workplace (a checkpoint on a road). */
  async report(ctx: RequestContext, input: ReportIncidentInput): Promise<IncidentEntity> {
    const scope = this.access.requireLocal(ctx, 'incidents:report', input.localId);
    const now = new Date();
    const reportedAt = input.reportedAt ?? now;
    const problem = reportedAtProblem(reportedAt, now);
    if (problem) throw problem;
    if (input.workplaceId) {
      const [workplace] = await this.workplaces.inScope(scope, [input.workplaceId]);
      if (!workplace || !scope.covers(workplace.id)) throw noSuchWorkplace();
    }
    // Made here so the details are bound to this row before the insert.
    const id = randomUUID();
    const incident = await this.incidents.insert(scope, {
      id,
      workplaceId: input.workplaceId ?? null,
      kind: input.kind,
      location: input.location ?? null,
      details: input.details ? this.cipher.encrypt(input.details, detailsAad(scope.localId, id)) : null,
      reportedAt,
      expiresAt: this.expiry(now),
    });
    await this.scheduleExpiry(incident.expiresAt);
    await this.audit.recordIn(ctx, scope, 'incident.report', { type: 'Incident', id });
    return incident;
  }

  async verify(ctx: RequestContext, input: VerifyIncidentInput): Promise<IncidentEntity> {
    const scope = await this.access.requireRecord(ctx, 'incidents:respond', 'incident', input.incidentId);
    const incident = await this.incidents.hold(scope, input.incidentId);
    if (!incident) throw notFound('Incident');
    const expired = expiredProblem(incident);
    if (expired) throw expired;
    const status = statusAfter(incident.status, input.outcome);
    const id = randomUUID();
    await this.incidents.insertVerification(scope, {
      id,
      incidentId: incident.id,
      byUserId: ctx.actor.userId,
      outcome: input.outcome,
      note: input.note ? this.cipher.encrypt(input.note, noteAad(scope.localId, id)) : null,
    });
    await this.changed(scope, incident.id, status);
    await this.audit.recordIn(ctx, scope, `incident.verify.${input.outcome.toLowerCase()}`, {
      type: 'Incident',
      id: incident.id,
    });
    return (await this.incidents.find(scope, incident.id))!;
  }

  /** Ends the incident; its proposed alerts are cancelled with it. Idempotent. */
  async close(ctx: RequestContext, id: string): Promise<IncidentEntity> {
    const scope = await this.access.requireRecord(ctx, 'incidents:respond', 'incident', id);
    const incident = await this.incidents.hold(scope, id);
    if (!incident) throw notFound('Incident');
    if (incident.status !== IncidentStatus.CLOSED) {
      const cancelled = await this.alerts.cancelProposed(scope, id);
      await this.changed(scope, id, IncidentStatus.CLOSED);
      await this.audit.recordIn(
        ctx,
        scope,
        'incident.close',
        { type: 'Incident', id },
        { cancelledAlerts: cancelled },
      );
    }
    return (await this.incidents.find(scope, id))!;
  }

  list(
    ctx: RequestContext,
    localId: string,
    status: IncidentStatus | null,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<IncidentEntity>> {
    const scope = this.access.requireLocal(ctx, 'incidents:read', localId);
    return this.incidents.page(scope, status, { first, after });
  }

  async get(ctx: RequestContext, id: string): Promise<IncidentEntity | null> {
    const scope = await this.access.findRecord(ctx, 'incidents:read', 'incident', id);
    return scope ? this.incidents.find(scope, id) : null;
  }

  /** For nested fields: the scope incidents read with, or null. */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'incidents:read', localId);
  }

  inScope(scope: Scope, ids: readonly string[]): Promise<IncidentEntity[]> {
    return this.incidents.findMany(scope, ids);
  }

  verificationsOf(scope: Scope, incidentIds: readonly string[]): Promise<VerificationEntity[]> {
    return this.incidents.verificationsOf(scope, incidentIds);
  }

  /** The place, for those who may see it (not a board member); null once erased. */
  location(ctx: RequestContext, i: { localId: string; sealedLocation: string | null }): string | null {
    return this.access.canInLocal(ctx, 'incidents:place', i.localId) ? i.sealedLocation : null;
  }

  /** The details, decrypted for organizers and admins; null for anyone else and once erased. */
  details(
    ctx: RequestContext,
    i: { id: string; localId: string; sealedDetails: string | null },
  ): string | null {
    if (!this.access.canInLocal(ctx, 'incidents:details', i.localId)) return null;
    return this.open(i.sealedDetails, detailsAad(i.localId, i.id), `incident ${i.id}`);
  }

  note(ctx: RequestContext, v: { id: string; localId: string; sealedNote: string | null }): string | null {
    if (!this.access.canInLocal(ctx, 'incidents:details', v.localId)) return null;
    return this.open(v.sealedNote, noteAad(v.localId, v.id), `verification ${v.id}`);
  }

  /** `LocalDashboard.incidentsLast30Days`: a number, for the board too. */
  countLast30Days(ctx: RequestContext, localId: string): Promise<number> {
    const scope = this.access.requireLocal(ctx, 'dashboard:read', localId);
    return this.incidents.countLast30Days(scope);
  }

  /**
   * A change to the incident (a verification, an alert proposed or approved, closing it): its
   * status when given, and its expiry counted again from now.
   */
  async changed(scope: Scope, id: string, status?: IncidentStatus): Promise<void> {
    const expiresAt = this.expiry(new Date());
    await this.incidents.changed(scope, id, expiresAt, status);
    await this.scheduleExpiry(expiresAt);
  }

  private expiry(from: Date): Date {
    return expiryAfter(from, this.config.getOrThrow<number>('INCIDENT_RETENTION_HOURS'));
  }

  /** An expiry run at that moment, committed with the change (a sweep every few minutes backs it up). */
  private scheduleExpiry(at: Date): Promise<void> {
    return this.jobs.enqueue(INCIDENT_EXPIRY_QUEUE, [{ data: {}, startAfter: at }]);
  }

  private open(sealed: string | null, aad: string, record: string): string | null {
    return openSealed(this.cipher, this.log, sealed, aad, {
      record,
      message: 'This text cannot be decrypted here.',
    });
  }
}
