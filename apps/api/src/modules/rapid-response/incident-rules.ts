import { AppError, badInput, forbidden } from '@juntos/common';
import { AlertAudience, AlertStatus, IncidentStatus, VerificationOutcome } from './rapid-response.entity';

const HOUR_MS = 3_600_000;
/** Clocks on phones drift: a report a minute ahead of the server is not "in the future". */
const CLOCK_SKEW_MS = 60_000;

/** When an incident changed at `changedAt` is erased. */
export function expiryAfter(changedAt: Date, retentionHours: number): Date {
  return new Date(changedAt.getTime() + Math.round(retentionHours * HOUR_MS));
}

/** How far back a report may say it was seen: older news is no longer rapid response. */
export const REPORT_LOOKBACK_DAYS = 30;

export function reportedAtProblem(reportedAt: Date, now: Date): AppError | null {
  if (reportedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return badInput('reportedAt cannot be in the future.', 'reportedAt');
  if (reportedAt.getTime() < now.getTime() - REPORT_LOOKBACK_DAYS * 24 * HOUR_MS)
    return badInput(`reportedAt cannot be more than ${REPORT_LOOKBACK_DAYS} days ago.`, 'reportedAt');
  return null;
}

/**
 * An expired incident keeps only its kind, status, workplace and dates: it takes no new check,
 * note or alert text, which would outlive the erasure.
 */
export function expiredProblem(incident: { erasedAt: Date | null }): AppError | null {
  return incident.erasedAt
    ? badInput(
        'This incident has expired and its details were erased: report it again if it is still going on.',
        'incidentId',
      )
    : null;
}

/** The status a verification leaves: the latest one decides. A closed incident takes no more. */
export function statusAfter(current: IncidentStatus, outcome: VerificationOutcome): IncidentStatus {
  if (current === IncidentStatus.CLOSED) throw closed();
  return IncidentStatus[outcome];
}

export const closed = () => badInput('This incident is closed.', 'incidentId');

/** Only a confirmed incident may be alerted: most reports are false alarms, and a false alert spreads fear. */
export function proposalProblem(
  status: IncidentStatus,
  audience: AlertAudience,
  workplaceId: string | null,
): AppError | null {
  if (status !== IncidentStatus.CONFIRMED)
    return badInput('An alert can be proposed only for a confirmed incident: verify it first.', 'incidentId');
  if (audience === AlertAudience.WORKPLACE_MEMBERS && !workplaceId)
    return badInput('This incident has no workplace: alert responders or the whole local.', 'audience');
  return null;
}

/**
 * Whether `approverId` may approve now. A second person must approve; approving what is already
 * approved answers it as it is (null with `already`); the incident must still be confirmed.
 */
export function approvalProblem(
  alert: { status: AlertStatus; proposedBy: string },
  incidentStatus: IncidentStatus,
  approverId: string,
): { problem: AppError | null; already: boolean } {
  if (alert.proposedBy === approverId)
    return {
      problem: forbidden('A second person must approve this alert: you proposed it.'),
      already: false,
    };
  if (alert.status === AlertStatus.SENDING || alert.status === AlertStatus.SENT)
    return { problem: null, already: true };
  if (alert.status === AlertStatus.CANCELLED)
    return { problem: badInput('This alert was cancelled.', 'id'), already: false };
  if (incidentStatus !== IncidentStatus.CONFIRMED)
    return {
      problem: badInput('The incident is no longer confirmed: this alert cannot be sent.', 'id'),
      already: false,
    };
  return { problem: null, already: false };
}

/** A proposed or sending alert stops; a sent one is past stopping; a cancelled one stays so. */
export function cancellationProblem(status: AlertStatus): AppError | null {
  return status === AlertStatus.SENT ? badInput('This alert has already been sent.', 'id') : null;
}
