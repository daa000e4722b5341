import { useLingui } from '@lingui/react/macro';
import type { PetitionStatus } from '../../../gql/graphql';
import type { Role } from '../../../ui/chrome';

/** Organizers and local admins create, open, deliver and close petitions; stewards collect signatures. */
export const managesPetitions = (roles: Role[]): boolean =>
  roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');

export const STATUSES: PetitionStatus[] = ['DRAFT', 'OPEN', 'DELIVERED', 'WON', 'LOST', 'CLOSED'];

/** DRAFT → OPEN → DELIVERED → WON or LOST; CLOSED from any state but CLOSED (the API's rule). */
export const MOVES: Record<PetitionStatus, PetitionStatus[]> = {
  DRAFT: ['OPEN', 'CLOSED'],
  OPEN: ['DELIVERED', 'CLOSED'],
  DELIVERED: ['WON', 'LOST', 'CLOSED'],
  WON: ['CLOSED'],
  LOST: ['CLOSED'],
  CLOSED: [],
};

export function useStatusWords() {
  const { t } = useLingui();
  return {
    status: {
      DRAFT: t`Draft`,
      OPEN: t`Collecting signatures`,
      DELIVERED: t`Delivered`,
      WON: t`Won`,
      LOST: t`Lost`,
      CLOSED: t`Closed`,
    } as Record<PetitionStatus, string>,
    /** The button that moves a petition to this status. */
    move: {
      DRAFT: '',
      OPEN: t`Open for signatures`,
      DELIVERED: t`Mark as delivered`,
      WON: t`Mark as won`,
      LOST: t`Mark as lost`,
      CLOSED: t`Close without a result`,
    } as Record<PetitionStatus, string>,
    /** What the confirmation asks before the move. */
    ask: {
      DRAFT: '',
      OPEN: t`Open this petition? Stewards can then collect signatures for it.`,
      DELIVERED: t`Mark this petition as delivered to its target? It stops collecting signatures.`,
      WON: t`Mark this petition as won? This cannot be undone, only closed.`,
      LOST: t`Mark this petition as lost? This cannot be undone, only closed.`,
      CLOSED: t`Close this petition? It stops for good and cannot be opened again.`,
    } as Record<PetitionStatus, string>,
  };
}
