import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('we walk the picket line at six', 'maria@example.org')).toBeNull();
  });
  it.each([
    ['short', 'at least 12'],
    ['aaaaaaaaaaaaaaaa', 'repeats too much'],
    ['123456789012345', 'guessed first'],
    ['password-for-the-union', 'guessed first'],
    ['x'.repeat(200) + 'abcdefghijklmnopqrstuvwxyz'.repeat(3), 'at most 256'],
  ])('refuses %p, saying why', (pw, why) => {
    expect(passwordProblem(pw)).toContain(why);
  });
  it('refuses a password built on the email name', () => {
    expect(passwordProblem('rosalind-2026-strong!', 'rosalind@example.org')).toContain('email');
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only', async () => {
    const h = await hashPassword('solidarity forever 1934');
    expect(h.startsWith('$argon2id$')).toBe(true);
    await expect(verifyPassword(h, 'solidarity forever 1934')).resolves.toBe(true);
    await expect(verifyPassword(h, 'solidarity forever 1935')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });
});
