import { randomBytes } from 'node:crypto';
import { legacyV1, randomCipherKey as key } from '@juntos/testing/cipher';
import { boundTo, CipherKeyError, FieldCipher, keyId } from './field-cipher';

const LOCAL = '6f1c2c5e-8a0b-4e0e-9a51-3b8f0f0c1a01';
const ROW = 'b7d0a4e2-1c3f-4a57-8e2d-6c9b5a4f3e21';
const here = boundTo('one_on_one.notes', LOCAL, ROW);

describe('FieldCipher', () => {
  const note = 'Worried about the new supervisor; will talk to her coworkers. Confía en Rosa.';

  it('round-trips, with a fresh IV every time and no plaintext in the stored form', () => {
    const c = new FieldCipher(key());
    const a = c.encrypt(note, here);
    const b = c.encrypt(note, here);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v2:[0-9a-f]{16}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('Rosa');
    expect(c.decrypt(a, here)).toBe(note);
    expect(c.decrypt(c.encrypt('', here), here)).toBe('');
    expect(c.isCurrent(a)).toBe(true);
    expect(FieldCipher.versionOf(a)).toBe('v2');
  });

  it('binds a value to its row: another row, another local or another field fails authentication', () => {
    const c = new FieldCipher(key());
    const stored = c.encrypt(note, here);
    const elsewhere = [
      boundTo('one_on_one.notes', LOCAL, 'c8e1b5f3-2d4a-4b68-9f3e-7dac6b5a4f32'), // another row, same local
      boundTo('one_on_one.notes', 'a0000000-0000-4000-8000-000000000001', ROW), // same id, another local
      boundTo('incident.notes', LOCAL, ROW), // same row identity, another field
      '',
    ];
    for (const aad of elsewhere) {
      expect(() => c.decrypt(stored, aad)).toThrow(CipherKeyError);
      expect(() => c.decrypt(stored, aad)).toThrow(/copied from another row/);
    }
    expect(() => c.encrypt(note, '')).toThrow(/associated data/);
  });

  it('still reads v1 notes written before the binding, and never writes v1', () => {
    const k = key();
    const old = legacyV1(k, note);
    const c = new FieldCipher(k);
    expect(c.decrypt(old, here)).toBe(note);
    expect(FieldCipher.versionOf(old)).toBe('v1');
    expect(FieldCipher.keyIdOf(old)).toBe(c.currentKeyId);
    expect(c.isCurrent(old)).toBe(false);
  });

  it('names its key, and decrypts under a retired key after rotation', () => {
    const oldKey = key();
    const before = new FieldCipher(oldKey).encrypt(note, here);
    const after = new FieldCipher(key(), [oldKey]);
    expect(FieldCipher.keyIdOf(before)).toBe(keyId(Buffer.from(oldKey, 'base64')));
    expect(after.decrypt(before, here)).toBe(note);
    expect(after.isCurrent(before)).toBe(false);
    expect(FieldCipher.keyIdOf(after.encrypt(note, here))).toBe(after.currentKeyId);
  });

  it('fails loudly under an unknown key, never returning garbage', () => {
    const stored = new FieldCipher(key()).encrypt(note, here);
    expect(() => new FieldCipher(key()).decrypt(stored, here)).toThrow(CipherKeyError);
    expect(() => new FieldCipher(key()).decrypt(stored, here)).toThrow(
      /neither NOTES_ENCRYPTION_KEY nor in NOTES_ENCRYPTION_KEYS_OLD/,
    );
  });

  it('detects tampering and a wrong key that claims the right id', () => {
    const k = key();
    const c = new FieldCipher(k);
    const stored = c.encrypt(note, here);
    const parts = stored.split(':');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => c.decrypt([...parts.slice(0, 3), body.toString('base64url')].join(':'), here)).toThrow(
      /failed authentication/,
    );
    // Relabelling a bound value as v1 (to skip the binding) fails too: the tag covers the AAD.
    expect(() => c.decrypt(['v1', ...parts.slice(1)].join(':'), here)).toThrow(/failed authentication/);
    expect(() => c.decrypt('plaintext that was never encrypted', here)).toThrow(
      /not an encrypted field value/,
    );
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new FieldCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new FieldCipher(key(), ['short'])).toThrow(/NOTES_ENCRYPTION_KEYS_OLD/);
  });
});
