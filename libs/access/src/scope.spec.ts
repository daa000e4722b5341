import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Role } from '@juntos/common';
import { Actor } from '@juntos/auth';
import { TransactionHost } from '@juntos/db';
import { Scope, scopeFor, systemScope } from './scope';

const steward = new Actor(
  'u1',
  false,
  new Map([['L1', { localId: 'L1', roles: new Set([Role.STEWARD]), stewardWorkplaceIds: ['W2', 'W1'] }]]),
  'session-1',
);

describe('Scope', () => {
  it('is made from the Actor: a steward narrowed to their workplaces, nothing where they hold no role', () => {
    const scope = scopeFor(steward, 'members:read', 'L1')!;
    expect(scope).toMatchObject({ localId: 'L1', workplaceIds: ['W2', 'W1'] });
    expect(scope.covers('W1')).toBe(true);
    expect(scope.covers('W3')).toBe(false);
    expect(scope.covers(null)).toBe(false);
    expect(scopeFor(steward, 'petitions:read', 'L1')!.workplaceIds).toBe('all');
    expect(scopeFor(steward, 'audit:read', 'L1')).toBeNull();
    expect(scopeFor(steward, 'members:read', 'L2')).toBeNull();
  });

  it('keys equal reaches alike and different reaches apart, for per-request loaders', () => {
    expect(scopeFor(steward, 'members:read', 'L1')!.key).toBe('L1:W1,W2');
    expect(scopeFor(steward, 'petitions:read', 'L1')!.key).toBe('L1:*');
  });

  it('cannot be faked at run time: a copy, a literal or a cast is not one', () => {
    const real = scopeFor(steward, 'members:read', 'L1')!;
    expect(Scope.isMade(real)).toBe(true);
    expect(Scope.isMade({ ...real })).toBe(false);
    expect(Scope.isMade({ localId: 'L1', workplaceIds: 'all' } as unknown)).toBe(false);
    expect(Object.isFrozen(real)).toBe(true);
    expect(() => (real.workplaceIds as string[]).push('W3')).toThrow();
  });

  it('cannot be written by hand: the type refuses a literal and a spread (checked by tsc)', () => {
    // @ts-expect-error a hand-built scope is not a Scope
    const literal: Scope = { localId: 'L1', workplaceIds: 'all' };
    // @ts-expect-error nor is a copy of one, widened
    const spread: Scope = { ...scopeFor(steward, 'members:read', 'L1')!, workplaceIds: 'all' };
    expect([literal, spread].map(Scope.isMade)).toEqual([false, false]);
  });

  it('is made for the whole local only on the named system path it names', async () => {
    // A TransactionHost whose system paths never reach a database: fn only calls systemScope.
    const tx = new TransactionHost({} as ConstructorParameters<typeof TransactionHost>[0]);
    const inPath = await tx.system('platform:invite-first-admin', async () =>
      systemScope(tx, 'platform:invite-first-admin', 'L1'),
    );
    expect(inPath).toMatchObject({ localId: 'L1', workplaceIds: 'all' });
    // Outside the path, or on another one, it refuses.
    expect(() => systemScope(tx, 'platform:invite-first-admin', 'L1')).toThrow(/outside tx.system/);
    await expect(
      tx.system('platform:create-local', async () => systemScope(tx, 'platform:invite-first-admin', 'L1')),
    ).rejects.toThrow(/outside tx.system/);
    // @ts-expect-error a purpose is one of the reviewed system paths
    expect(() => systemScope(tx, 'whatever:thing', 'L1')).toThrow();
  });

  it('refuses a cast in review: the lint rule juntos/scope-from-access', () => {
    const root = join(__dirname, '..', '..', '..');
    const source =
      "import { Scope } from '@juntos/access';\nexport const s = { localId: 'L', workplaceIds: 'all' } as unknown as Scope;\n";
    let output = '';
    try {
      execFileSync(
        join(root, 'node_modules', '.bin', 'eslint'),
        ['--stdin', '--stdin-filename', 'apps/api/src/probe.ts'],
        {
          cwd: root,
          input: source,
          encoding: 'utf8',
        },
      );
    } catch (e) {
      output = (e as { stdout: string }).stdout;
    }
    expect(output).toContain('juntos/scope-from-access');
  }, 60_000);
});
