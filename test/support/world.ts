import { Role } from '@juntos/common';
import { grant, makeLocal, makeUser, makeWorkplace } from '@juntos/testing';
import { TestApp } from './test-app';

export type Viewer = 'anonymous' | 'LOCAL_ADMIN' | 'ORGANIZER' | 'STEWARD' | 'BOARD_MEMBER';
export const VIEWERS: Viewer[] = ['anonymous', 'LOCAL_ADMIN', 'ORGANIZER', 'STEWARD', 'BOARD_MEMBER'];
export const ROLE_VIEWERS = [Role.LOCAL_ADMIN, Role.ORGANIZER, Role.STEWARD, Role.BOARD_MEMBER] as const;

export interface LocalWorld {
  id: string;
  /** The steward of this local is assigned to `assigned`, not to `unassigned`. */
  assigned: string;
  unassigned: string;
  users: Record<Role, { id: string; token: string; assignmentId: string }>;
}

export interface World {
  own: LocalWorld;
  other: LocalWorld;
  platformAdmin: { id: string; token: string };
  /** A signed-in user with no role anywhere. */
  nobody: { id: string; token: string };
  token(viewer: Viewer, local?: 'own' | 'other'): string | null;
}

async function makeLocalWorld(t: TestApp, name: string): Promise<LocalWorld> {
  const id = await makeLocal(t.db, name);
  const assigned = await makeWorkplace(t.db, id, { name: `${name} assigned site`, headcount: 40 });
  const unassigned = await makeWorkplace(t.db, id, { name: `${name} other site`, headcount: 10 });
  const users = {} as LocalWorld['users'];
  for (const role of ROLE_VIEWERS) {
    const user = await makeUser(t.db, { displayName: `${name} ${role}` });
    const assignmentId = await grant(t.db, id, user.id, role, role === Role.STEWARD ? [assigned] : []);
    users[role] = { id: user.id, token: t.tokenFor(user.id), assignmentId };
  }
  return { id, assigned, unassigned, users };
}

/** Two locals, each with one user per role (a steward assigned to one of two workplaces). */
export async function makeWorld(t: TestApp): Promise<World> {
  const own = await makeLocalWorld(t, 'Own');
  const other = await makeLocalWorld(t, 'Other');
  const pa = await makeUser(t.db, { platformAdmin: true, displayName: 'Platform admin' });
  const nb = await makeUser(t.db, { displayName: 'Nobody' });
  const platformAdmin = { id: pa.id, token: t.tokenFor(pa.id) };
  const nobody = { id: nb.id, token: t.tokenFor(nb.id) };
  return {
    own,
    other,
    platformAdmin,
    nobody,
    token: (viewer, local = 'own') =>
      viewer === 'anonymous' ? null : (local === 'own' ? own : other).users[viewer].token,
  };
}

/** Jest hooks: one app and one world for the whole test file, torn down after it. */
export function useWorld(overrides: Record<string, string> = {}): { readonly t: TestApp; readonly w: World } {
  const ctx = {} as { t: TestApp; w: World };
  beforeAll(async () => {
    ctx.t = await TestApp.create(overrides);
    ctx.w = await makeWorld(ctx.t);
  });
  afterAll(() => ctx.t.close());
  return ctx;
}
