import { Algorithm, hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so that answer takes as long as a wrong password.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('juntos-timing-equaliser');
  await verifyPassword(await dummy, password);
}

/**
 * Why a password is refused, in words a person understands; null when it is acceptable.
 * Length carries most of the strength; the other rules catch the patterns guessed first.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN)
    return `Use at least ${PASSWORD_MIN} characters. A short sentence works well.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (new Set(password.toLowerCase()).size < 5)
    return 'Use more different characters: this password repeats too much.';
  const lower = password.toLowerCase();
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 4 && lower.includes(name))
    return 'Do not put your email address in your password.';
  if (/^(?:0123456789|1234567890|abcdefghij|qwertyuiop|password|contraseña)/.test(lower)) {
    return 'This password starts with a pattern that is guessed first. Choose something less common.';
  }
  return null;
}
