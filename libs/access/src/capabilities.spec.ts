import { Role } from '@juntos/common';
import { LOCAL_CAPABILITIES, reachOf } from './capabilities';

describe('reachOf', () => {
  it('takes the widest reach of the roles held', () => {
    expect(reachOf([Role.STEWARD], 'members:read')).toBe('assigned');
    expect(reachOf([Role.STEWARD, Role.ORGANIZER], 'members:read')).toBe('all');
    expect(reachOf([Role.BOARD_MEMBER], 'members:read')).toBeNull();
    expect(reachOf([], 'local:read')).toBeNull();
  });

  it('never lets a board member reach personal data', () => {
    for (const cap of ['members:read', 'oneOnOnes:read', 'signatures:read', 'members:export'] as const) {
      expect(reachOf([Role.BOARD_MEMBER], cap)).toBeNull();
    }
  });

  it('keeps admin-only rows admin-only', () => {
    for (const cap of [
      'roles:manage',
      'audit:read',
      'members:export',
      'members:erase',
      'sessions:end',
    ] as const) {
      expect(Object.keys(LOCAL_CAPABILITIES[cap])).toEqual([Role.LOCAL_ADMIN]);
    }
  });
});
