import { Role } from '@juntos/common';

/** 'all': across the local. 'assigned': only records tied to the steward's assigned workplaces. */
export type Reach = 'all' | 'assigned';
type RoleReach = Partial<Record<Role, Reach>>;

const { LOCAL_ADMIN, ORGANIZER, STEWARD, BOARD_MEMBER } = Role;
const everyone: RoleReach = { LOCAL_ADMIN: 'all', ORGANIZER: 'all', STEWARD: 'all', BOARD_MEMBER: 'all' };
const organizing: RoleReach = { [LOCAL_ADMIN]: 'all', [ORGANIZER]: 'all' };
const organizingAndAssigned: RoleReach = { ...organizing, [STEWARD]: 'assigned' };
const adminOnly: RoleReach = { [LOCAL_ADMIN]: 'all' };

/**
 * The capability table of PERMISSIONS.md, row by row. A change here is a permission change:
 * the snapshot test in test/permissions makes it show in review.
 */
export const LOCAL_CAPABILITIES = {
  'local:read': everyone,
  'roles:manage': adminOnly,
  'audit:read': adminOnly,
  /** End every session of a user who holds a role in the local (a lost or seized phone). */
  'sessions:end': adminOnly,
  'members:export': adminOnly,
  'members:erase': adminOnly,
  /** Create, list and revoke the local's OSDI API tokens. */
  'apiTokens:manage': adminOnly,
  'workplaces:write': organizing,
  'workplaces:read': { ...organizing, [STEWARD]: 'assigned', [BOARD_MEMBER]: 'all' },
  /** Create and update; stewards only for their assigned workplaces. */
  'members:write': organizingAndAssigned,
  /** Archive and import; review, merge and dismiss possible duplicates. */
  'members:manage': organizing,
  'members:read': organizingAndAssigned,
  'oneOnOnes:write': organizingAndAssigned,
  'oneOnOnes:read': organizingAndAssigned,
  'petitions:manage': organizing,
  'petitions:read': everyone,
  'signatures:write': organizingAndAssigned,
  'signatures:read': organizingAndAssigned,
  'campaigns:manage': organizing,
  'campaigns:decide': { ...organizing, [BOARD_MEMBER]: 'all' },
  'campaigns:read': everyone,
  'events:manage': organizing,
  'events:read': everyone,
  /** RSVPs and attendance; stewards only for their assigned workplaces' members. */
  'attendance:write': organizingAndAssigned,
  'attendance:read': organizingAndAssigned,
  /** Create and archive committees, seat and unseat their members, assign contacts. */
  'committees:manage': organizing,
  /** Committees with coverage and ratio; stewards only those of their assigned workplaces. */
  'committees:read': { ...organizing, [STEWARD]: 'assigned', [BOARD_MEMBER]: 'all' },
  /** Who sits on a committee and their contacts (`Committee.memberships`). */
  'committees:members': organizingAndAssigned,
  /** Report an incident: stewards at their assigned workplaces, or with no workplace (a checkpoint). */
  'incidents:report': organizingAndAssigned,
  /** Incidents' kind, status, workplace and dates; their verifications without notes. */
  'incidents:read': everyone,
  /** An incident's approximate place (`location`). */
  'incidents:place': { ...organizing, [STEWARD]: 'all' },
  /** An incident's details, its verifications' notes and its alerts. */
  'incidents:details': organizing,
  /** Verify and close incidents; propose, approve (never one's own) and cancel alerts. */
  'incidents:respond': organizing,
  'responders:manage': organizing,
  'dashboard:read': { ...organizing, [BOARD_MEMBER]: 'all' },
} as const satisfies Record<string, RoleReach>;

export type LocalCapability = keyof typeof LOCAL_CAPABILITIES;

/**
 * Capabilities outside the per-local table:
 * - 'self': any signed-in user, for their own account and the locals they hold a role in.
 * - 'platform:admin': the platform admin, who creates locals. It grants nothing inside a local.
 * - 'invitations:create': a LOCAL_ADMIN of the local, or the platform admin (to seat a local's first admin).
 */
export type SpecialCapability = 'self' | 'platform:admin' | 'invitations:create';
export type Capability = LocalCapability | SpecialCapability;

/** How far a set of roles in one local reaches for a capability: the widest of them, or null. */
export function reachOf(roles: Iterable<Role>, cap: LocalCapability): Reach | null {
  let reach: Reach | null = null;
  const row: RoleReach = LOCAL_CAPABILITIES[cap];
  for (const role of roles) {
    const r = row[role];
    if (r === 'all') return 'all';
    if (r === 'assigned') reach = 'assigned';
  }
  return reach;
}

export const isLocalCapability = (cap: Capability): cap is LocalCapability => cap in LOCAL_CAPABILITIES;
