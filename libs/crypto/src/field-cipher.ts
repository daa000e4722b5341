import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

export class CipherKeyError extends Error {}

/** A key's id: the first 8 bytes of its SHA-256, so a stored note names its key without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function parseKey(base64: string, what: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new CipherKeyError(`${what} must be 32 bytes, base64-encoded`);
  return key;
}

/**
 * AES-256-GCM for one field. Stored as `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url parts), with
 * a fresh random IV for every value. Encrypts under the current key; decrypts under the current
 * or a retired one. A value under an unknown key, or one that fails authentication, throws:
 * it never returns garbage, and never the stored text.
 */
export class FieldCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(currentBase64: string, retiredBase64: readonly string[] = []) {
    const key = parseKey(currentBase64, 'NOTES_ENCRYPTION_KEY');
    this.current = { id: keyId(key), key };
    this.keys.set(this.current.id, key);
    for (const old of retiredBase64) {
      const k = parseKey(old, 'each NOTES_ENCRYPTION_KEYS_OLD entry');
      this.keys.set(keyId(k), k);
    }
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  canDecryptKey(id: string): boolean {
    return this.keys.has(id);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.current.id, iv.toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(stored: string): string {
    const [version, id, ivText, bodyText, extra] = stored.split(':');
    if (version !== VERSION || !id || !ivText || !bodyText || extra !== undefined) {
      throw new CipherKeyError('not an encrypted field value');
    }
    const key = this.keys.get(id);
    if (!key)
      throw new CipherKeyError(
        `encrypted under key ${id}, which is neither NOTES_ENCRYPTION_KEY nor in NOTES_ENCRYPTION_KEYS_OLD`,
      );
    const body = Buffer.from(bodyText, 'base64url');
    if (body.length < TAG_BYTES) throw new CipherKeyError('encrypted value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new CipherKeyError(
        `encrypted value under key ${id} failed authentication: wrong key or tampered data`,
      );
    }
  }

  /** The key id a stored value names, without decrypting it. */
  static keyIdOf(stored: string): string | null {
    const parts = stored.split(':');
    return parts[0] === VERSION && parts.length === 4 ? parts[1] : null;
  }
}
