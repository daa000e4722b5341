import { useLingui } from '@lingui/react/macro';
import type {
  AlertAudience,
  AlertStatus,
  IncidentKind,
  IncidentStatus,
  ResponderSkill,
  VerificationOutcome,
} from '../../gql/graphql';
import type { Role } from '../../ui/chrome';
import { graphql } from '../../gql';

/** The local's workplaces (a steward's assigned ones only), to report at or for a responder to cover. */
export const DeskPlaces = graphql(`
  query DeskPlaces($localId: ID!) {
    workplaces(localId: $localId, first: 50) {
      nodes {
        id
        name
      }
    }
  }
`);

/** The kinds a steward picks from, in the order they are offered (the commonest first). */
export const KINDS: IncidentKind[] = [
  'WORKPLACE_RAID',
  'HOME_RAID',
  'CHECKPOINT',
  'ARREST',
  'SURVEILLANCE',
  'OTHER',
];

export const OUTCOMES: VerificationOutcome[] = ['CONFIRMED', 'FALSE_ALARM', 'UNCONFIRMED'];

export const AUDIENCES: AlertAudience[] = ['RESPONDERS', 'WORKPLACE_MEMBERS', 'LOCAL_MEMBERS'];

export const SKILLS: ResponderSkill[] = [
  'VERIFIER',
  'LEGAL_OBSERVER',
  'DRIVER',
  'INTERPRETER',
  'ACCOMPANIMENT',
];

/** The desk is for organizers and admins; the API decides all the same. */
export const atTheDesk = (roles: Role[]): boolean =>
  roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');

/** Incidents expire: their place, details, notes and alerts' text are erased. */
export const expired = (i: { expiresAt: string }): boolean => new Date(i.expiresAt).getTime() <= Date.now();

export function useDeskLabels() {
  const { t } = useLingui();
  const kind: Record<IncidentKind, string> = {
    WORKPLACE_RAID: t`Raid at a workplace`,
    HOME_RAID: t`Raid at a home`,
    CHECKPOINT: t`Checkpoint`,
    ARREST: t`Arrest`,
    SURVEILLANCE: t`Agents watching`,
    OTHER: t`Something else`,
  };
  const status: Record<IncidentStatus, string> = {
    REPORTED: t({ message: 'Reported, not checked yet', context: 'incident status' }),
    UNCONFIRMED: t({ message: 'Could not be confirmed', context: 'incident status' }),
    CONFIRMED: t({ message: 'Confirmed', context: 'incident status' }),
    FALSE_ALARM: t({ message: 'False alarm', context: 'incident status' }),
    CLOSED: t({ message: 'Closed', context: 'incident status' }),
  };
  const outcome: Record<VerificationOutcome, string> = {
    CONFIRMED: t({ message: 'Confirmed', context: 'check outcome' }),
    FALSE_ALARM: t({ message: 'False alarm', context: 'check outcome' }),
    UNCONFIRMED: t({ message: 'Could not confirm', context: 'check outcome' }),
  };
  const audience: Record<AlertAudience, string> = {
    RESPONDERS: t`Responders`,
    WORKPLACE_MEMBERS: t`Members of the workplace who asked for alerts`,
    LOCAL_MEMBERS: t`Every member of the local who asked for alerts`,
  };
  const alertStatus: Record<AlertStatus, string> = {
    PROPOSED: t({ message: 'Waiting for approval', context: 'alert status' }),
    SENDING: t({ message: 'Sending', context: 'alert status' }),
    SENT: t({ message: 'Sent', context: 'alert status' }),
    CANCELLED: t({ message: 'Cancelled', context: 'alert status' }),
  };
  const skill: Record<ResponderSkill, string> = {
    VERIFIER: t`Verifier`,
    LEGAL_OBSERVER: t`Legal observer`,
    DRIVER: t`Driver`,
    INTERPRETER: t`Interpreter`,
    ACCOMPANIMENT: t`Accompaniment`,
  };
  return { kind, status, outcome, audience, alertStatus, skill };
}
