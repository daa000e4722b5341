import { notFound } from '@juntos/common';
import { RequestContext } from '@juntos/auth';
import { rowByKey, rowsByKey, scopedLoader, valueByKey } from '../../graphql/loaders';
import { AlertsService } from './alerts.service';
import { DeliveryCounts } from './alerts.repository';
import { IncidentsService } from './incidents.service';
import { Alert, Incident, Verification } from './models/rapid-response.model';
import { RespondersService } from './responders.service';

/** An alert's incident, batched per request: NOT_FOUND where `incident(id)` would be null. */
export async function requireIncident(
  req: object,
  ctx: RequestContext,
  incidents: IncidentsService,
  localId: string,
  id: string,
): Promise<Incident> {
  const scope = incidents.readScope(ctx, localId);
  if (!scope) throw notFound('Incident');
  const batch = rowByKey('id', (ids, s) => incidents.inScope(s, ids));
  const i = await scopedLoader(req, 'incident.byId', scope, batch).load(id);
  if (!i) throw notFound('Incident');
  return Incident.from(i);
}

/** An incident's verifications: a whole list of incidents batches into one statement. */
export async function loadVerifications(
  req: object,
  ctx: RequestContext,
  incidents: IncidentsService,
  localId: string,
  incidentId: string,
): Promise<Verification[]> {
  const scope = incidents.readScope(ctx, localId);
  if (!scope) return [];
  const batch = rowsByKey('incidentId', (ids, s) => incidents.verificationsOf(s, ids), Verification.from);
  return scopedLoader(req, 'incident.verifications', scope, batch).load(incidentId);
}

/** An incident's alerts, for organizers and admins; empty for anyone else. */
export async function loadAlerts(
  req: object,
  ctx: RequestContext,
  alerts: AlertsService,
  localId: string,
  incidentId: string,
): Promise<Alert[]> {
  const scope = alerts.detailsScope(ctx, localId);
  if (!scope) return [];
  const batch = rowsByKey('incidentId', (ids, s) => alerts.forIncidents(s, ids), Alert.from);
  return scopedLoader(req, 'incident.alerts', scope, batch).load(incidentId);
}

/** Delivered and failed counts: a whole list of alerts batches into one aggregate. */
export async function loadDeliveryCounts(
  req: object,
  ctx: RequestContext,
  alerts: AlertsService,
  localId: string,
  alertId: string,
): Promise<DeliveryCounts> {
  const none = { delivered: 0, failed: 0 };
  const scope = alerts.detailsScope(ctx, localId);
  if (!scope) return none;
  const batch = valueByKey((ids, s) => alerts.counts(s, ids), none);
  return scopedLoader(req, 'alert.counts', scope, batch).load(alertId);
}

/** The workplace ids a responder covers, batched per request. */
export async function loadResponderWorkplaceIds(
  req: object,
  ctx: RequestContext,
  responders: RespondersService,
  localId: string,
  responderId: string,
): Promise<string[]> {
  const scope = responders.rosterScope(ctx, localId);
  if (!scope) return [];
  const batch = valueByKey((ids, s) => responders.workplacesOf(s, ids), [] as string[]);
  return scopedLoader(req, 'responder.workplaces', scope, batch).load(responderId);
}
