import { AlertAudience, AlertStatus, IncidentStatus, VerificationOutcome } from './rapid-response.entity';
import {
  approvalProblem,
  cancellationProblem,
  expiryAfter,
  proposalProblem,
  reportedAtProblem,
  statusAfter,
} from './incident-rules';

describe('incident rules', () => {
  it('expires an incident the retention after its last change, fractions of an hour included', () => {
    const t = new Date('2026-12-01T10:00:00Z');
    expect(expiryAfter(t, 72).toISOString()).toBe('2026-12-04T10:00:00.000Z');
    expect(expiryAfter(t, 0.001).getTime() - t.getTime()).toBe(3600);
  });

  it('refuses a report from the future, allowing a minute of clock drift', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(reportedAtProblem(new Date('2026-12-01T10:00:59Z'), now)).toBeNull();
    expect(reportedAtProblem(new Date('2026-12-01T10:01:01Z'), now)?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('follows the latest verification, and refuses one on a closed incident', () => {
    expect(statusAfter(IncidentStatus.REPORTED, VerificationOutcome.CONFIRMED)).toBe(
      IncidentStatus.CONFIRMED,
    );
    expect(statusAfter(IncidentStatus.CONFIRMED, VerificationOutcome.FALSE_ALARM)).toBe(
      IncidentStatus.FALSE_ALARM,
    );
    expect(statusAfter(IncidentStatus.FALSE_ALARM, VerificationOutcome.UNCONFIRMED)).toBe(
      IncidentStatus.UNCONFIRMED,
    );
    expect(() => statusAfter(IncidentStatus.CLOSED, VerificationOutcome.CONFIRMED)).toThrow('closed');
  });

  it('proposes only for a confirmed incident, and a workplace audience only with a workplace', () => {
    for (const s of [
      IncidentStatus.REPORTED,
      IncidentStatus.FALSE_ALARM,
      IncidentStatus.UNCONFIRMED,
      IncidentStatus.CLOSED,
    ])
      expect(proposalProblem(s, AlertAudience.RESPONDERS, null)?.message).toMatch(/confirmed/);
    expect(proposalProblem(IncidentStatus.CONFIRMED, AlertAudience.RESPONDERS, null)).toBeNull();
    expect(proposalProblem(IncidentStatus.CONFIRMED, AlertAudience.WORKPLACE_MEMBERS, null)?.message).toMatch(
      /no workplace/,
    );
    expect(proposalProblem(IncidentStatus.CONFIRMED, AlertAudience.WORKPLACE_MEMBERS, 'w')).toBeNull();
  });

  it('needs a second person to approve, an incident still confirmed, and answers a second approval as is', () => {
    const proposed = { status: AlertStatus.PROPOSED, proposedBy: 'a' };
    expect(approvalProblem(proposed, IncidentStatus.CONFIRMED, 'a').problem?.extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(approvalProblem(proposed, IncidentStatus.CONFIRMED, 'a').problem?.message).toMatch(
      /second person/,
    );
    expect(approvalProblem(proposed, IncidentStatus.CONFIRMED, 'b')).toEqual({
      problem: null,
      already: false,
    });
    expect(approvalProblem(proposed, IncidentStatus.FALSE_ALARM, 'b').problem?.extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      approvalProblem({ ...proposed, status: AlertStatus.SENDING }, IncidentStatus.CONFIRMED, 'b'),
    ).toEqual({
      problem: null,
      already: true,
    });
    expect(
      approvalProblem({ ...proposed, status: AlertStatus.SENT }, IncidentStatus.CLOSED, 'c').already,
    ).toBe(true);
    expect(
      approvalProblem({ ...proposed, status: AlertStatus.CANCELLED }, IncidentStatus.CONFIRMED, 'b').problem
        ?.message,
    ).toMatch(/cancelled/);
  });

  it('cancels anything not yet sent', () => {
    expect(cancellationProblem(AlertStatus.PROPOSED)).toBeNull();
    expect(cancellationProblem(AlertStatus.SENDING)).toBeNull();
    expect(cancellationProblem(AlertStatus.CANCELLED)).toBeNull();
    expect(cancellationProblem(AlertStatus.SENT)?.message).toMatch(/already been sent/);
  });
});
