import type { Role } from '../../ui/chrome';

/** Organizers and local admins write workplaces; a steward only reads their own (the API decides). */
export const managesWorkplaces = (roles: Role[]): boolean =>
  roles.includes('ORGANIZER') || roles.includes('LOCAL_ADMIN');

/** A majority of the headcount, as the API computes a petition's default goal. */
export const majorityOf = (headcount: number): number => Math.floor(headcount / 2) + 1;
