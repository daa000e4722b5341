import { randomBytes } from 'node:crypto';
import { CipherKeyError, FieldCipher, keyId } from './field-cipher';

const key = () => randomBytes(32).toString('base64');

describe('FieldCipher', () => {
  const note = 'Worried about the new supervisor; will talk to her coworkers. Confía en Rosa.';

  it('round-trips, with a fresh IV every time and no plaintext in the stored form', () => {
    const c = new FieldCipher(key());
    const a = c.encrypt(note);
    const b = c.encrypt(note);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[0-9a-f]{16}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('Rosa');
    expect(c.decrypt(a)).toBe(note);
    expect(c.decrypt(c.encrypt(''))).toBe('');
  });

  it('names its key, and decrypts under a retired key after rotation', () => {
    const oldKey = key();
    const before = new FieldCipher(oldKey).encrypt(note);
    const after = new FieldCipher(key(), [oldKey]);
    expect(FieldCipher.keyIdOf(before)).toBe(keyId(Buffer.from(oldKey, 'base64')));
    expect(after.decrypt(before)).toBe(note);
    expect(FieldCipher.keyIdOf(after.encrypt(note))).toBe(after.currentKeyId);
  });

  it('fails loudly under an unknown key, never returning garbage', () => {
    const stored = new FieldCipher(key()).encrypt(note);
    expect(() => new FieldCipher(key()).decrypt(stored)).toThrow(CipherKeyError);
    expect(() => new FieldCipher(key()).decrypt(stored)).toThrow(
      /neither NOTES_ENCRYPTION_KEY nor in NOTES_ENCRYPTION_KEYS_OLD/,
    );
  });

  it('detects tampering and a wrong key that claims the right id', () => {
    const k = key();
    const c = new FieldCipher(k);
    const stored = c.encrypt(note);
    const parts = stored.split(':');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => c.decrypt([...parts.slice(0, 3), body.toString('base64url')].join(':'))).toThrow(
      /failed authentication/,
    );
    expect(() => c.decrypt('plaintext that was never encrypted')).toThrow(/not an encrypted field value/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new FieldCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new FieldCipher(key(), ['short'])).toThrow(/NOTES_ENCRYPTION_KEYS_OLD/);
  });
});
