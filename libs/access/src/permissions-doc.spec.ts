import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@juntos/common';
import { LOCAL_CAPABILITIES, LocalCapability } from './capabilities';

const ROLES = [Role.LOCAL_ADMIN, Role.ORGANIZER, Role.STEWARD, Role.BOARD_MEMBER];
const CELL = { all: 'yes', assigned: 'assigned' } as const;

/** The rows of docs/PERMISSIONS.md's capability table: capability → the four role cells. */
function documentedTable(): Map<string, string[]> {
  const doc = readFileSync(join(__dirname, '../../../docs/PERMISSIONS.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const m = /^\| `([a-zA-Z:]+)` \|[^|]*\|(.*)\|\s*$/.exec(line);
    if (m)
      rows.set(
        m[1],
        m[2].split('|').map((c) => c.trim()),
      );
  }
  return rows;
}

describe('docs/PERMISSIONS.md', () => {
  const documented = documentedTable();

  it('lists every capability of the code, and no other', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(LOCAL_CAPABILITIES).sort());
  });

  it.each(Object.keys(LOCAL_CAPABILITIES) as LocalCapability[])('says what the code says for %s', (cap) => {
    const reach: Partial<Record<Role, 'all' | 'assigned'>> = LOCAL_CAPABILITIES[cap];
    expect(documented.get(cap)).toEqual(ROLES.map((role) => (reach[role] ? CELL[reach[role]] : 'no')));
  });
});
