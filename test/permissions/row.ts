import { Role } from '@juntos/common';
import { randomBytes } from 'node:crypto';
import { makeMember, TestApp, Viewer, World } from '@juntos/test-support';

/**
 * The permission matrix's row type and the helpers its rows share. The rows themselves live in
 * rows/<module>.ts, one file per feature module, gathered by matrix.ts.
 */

/** What a viewer gets: the allowed answer, or the refusal PERMISSIONS.md prescribes. */
export type Outcome = 'ok' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
export type Where = 'own' | 'other';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Row {
  /** The call as made by `viewer`, aimed at the viewer's own local or at the other one. */
  call(t: TestApp, w: World, where: Where, viewer: Viewer): Promise<Call>;
  /** Expected outcome per viewer and place. Anonymous is always UNAUTHENTICATED. */
  expect: Record<Exclude<Viewer, 'anonymous'>, Record<Where, Outcome>>;
  /** For an 'ok' answer: what the data must hold. */
  check?(data: unknown, w: World, viewer: Viewer): void;
}

export const both = (o: Outcome): Record<Where, Outcome> => ({ own: o, other: o });
export const ownOnly = (own: Outcome, other: Outcome): Record<Where, Outcome> => ({ own, other });
export const localOf = (w: World, where: Where) => (where === 'own' ? w.own : w.other);

/** LOCAL_ADMIN may, in their own local only; every other role is refused. */
export const adminOnlyByLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: both('FORBIDDEN'),
  STEWARD: both('FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};

export const unique = () => randomBytes(4).toString('hex');
/** Every role gets the same outcome, in the own and the other local as given. */
export const everyRole = (o: Record<Where, Outcome>): Row['expect'] => ({
  LOCAL_ADMIN: o,
  ORGANIZER: o,
  STEWARD: o,
  BOARD_MEMBER: o,
});
/** Everyone in the local may read it; nobody outside. */
export const everyRoleOwnLocal = everyRole(ownOnly('ok', 'FORBIDDEN'));
/** By id: everyone reads a record of their own local; one of another local reads as null. */
export const everyRoleByIdOwnLocal = everyRole(ownOnly('ok', 'null'));
/** Admins and organizers in their local. */
export const organizingOwnLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
  STEWARD: both('FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};
/** Admins, organizers and (assigned) stewards in their local; board members never. */
export const organizingAndStewardsOwnLocal = {
  LOCAL_ADMIN: ownOnly('ok', 'FORBIDDEN'),
  ORGANIZER: ownOnly('ok', 'FORBIDDEN'),
  STEWARD: ownOnly('ok', 'FORBIDDEN'),
  BOARD_MEMBER: both('FORBIDDEN'),
};
/** By id: a record of another local reads as missing to whoever may act on it at home. */
export const byIdWrite = (roles: Partial<Record<Role, true>>) =>
  Object.fromEntries(
    (['LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER'] as const).map((r) => [
      r,
      roles[r] ? ownOnly('ok', 'NOT_FOUND') : both('FORBIDDEN'),
    ]),
  ) as Row['expect'];
export const memberIn = (t: TestApp, w: World, where: Where) =>
  makeMember(t.db, localOf(w, where).id, { workplaceId: localOf(w, where).assigned });

/** The call of a per-local operation: `query` with $l, the own or the other local's id. */
export const inLocal =
  (query: string): Row['call'] =>
  async (_t, w, where) => ({ query, variables: { l: localOf(w, where).id } });

/** The call of a by-id operation: `query` with $id, a record `record` makes (or picks) in that local. */
export const byId =
  (query: string, record: (t: TestApp, w: World, where: Where) => Promise<string> | string): Row['call'] =>
  async (t, w, where) => ({ query, variables: { id: await record(t, w, where) } });

/** The row of a per-local list everyone in the local may read, and nobody outside. */
export const listInLocal = (query: string, check?: Row['check']): Row => ({
  call: inLocal(query),
  expect: everyRoleOwnLocal,
  ...(check && { check }),
});

/** The row of a record everyone in its local may read by id; another local's reads as null. */
export const readById = (query: string, record: Parameters<typeof byId>[1], check?: Row['check']): Row => ({
  call: byId(query, record),
  expect: everyRoleByIdOwnLocal,
  ...(check && { check }),
});
