import { useLingui } from '@lingui/react/macro';
import type { EventKind, RsvpStatus } from '../../gql/graphql';

export const EVENT_KINDS: EventKind[] = ['KYR_TRAINING', 'MEETING', 'ASSEMBLY', 'ACTION', 'OTHER'];
export const RSVP_ANSWERS: RsvpStatus[] = ['ACCEPTED', 'TENTATIVE', 'DECLINED', 'NEEDS_ACTION'];

/** An event's kind in words. */
export function useEventKindLabels(): Record<EventKind, string> {
  const { t } = useLingui();
  return {
    KYR_TRAINING: t`Know-your-rights training`,
    MEETING: t`Meeting`,
    ASSEMBLY: t`Assembly`,
    ACTION: t`Action`,
    OTHER: t`Other event`,
  };
}

/** A member's answer to an invitation, in words. */
export function useRsvpLabels(): Record<RsvpStatus, string> {
  const { t } = useLingui();
  return {
    ACCEPTED: t`Confirmed`,
    TENTATIVE: t`Maybe`,
    DECLINED: t`Not coming`,
    NEEDS_ACTION: t`No answer yet`,
  };
}

/** A member's name as people call them. */
export const fullName = (m: { firstName: string; lastName: string; preferredName?: string | null }) =>
  `${m.preferredName || m.firstName} ${m.lastName}`;

/** Whether the user runs the local's organizing here (the API still decides). */
export const organizes = (roles: string[]) => roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');

/** The phone's time zone, for the events it schedules. */
export const phoneTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
