import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Before rows were bound in as associated data: still read, never written. */
const LEGACY = 'v1';
/** AES-256-GCM with the row's identity as associated data (see `boundTo`). */
const BOUND = 'v2';
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
 * The associated data that binds a value to its place: which field, of which row, in which local.
 * The same ciphertext copied onto another row (or into another field) fails authentication there.
 * `field` names the table and column, e.g. 'one_on_one.notes', so a future encrypted field never
 * accepts a value written for another.
 */
export function boundTo(field: string, localId: string, rowId: string): string {
  return `juntos:${field}:${localId}:${rowId}`;
}

/** A one-on-one's notes: bound to that conversation and its local. */
export const oneOnOneNotesAad = (localId: string, id: string): string =>
  boundTo('one_on_one.notes', localId, id);

/**
 * AES-256-GCM for one field. Stored as `v2:<keyId>:<iv>:<ciphertext+tag>` (base64url parts), with
 * a fresh random IV for every value and the row's identity (`boundTo`) as associated data.
 * `v1:` values, written before that binding, still decrypt (without it) until
 * `npm run notes:reencrypt` moves them. Encrypts under the current key; decrypts under the current
 * or a retired one. A value under an unknown key, one that fails authentication, or one read on a
 * row it was not written for, throws: it never returns garbage, and never the stored text.
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

  /** Encrypts under the current key, bound to `aad` (build it with `boundTo`). */
  encrypt(plaintext: string, aad: string): string {
    if (!aad) throw new CipherKeyError('an encrypted field needs the row it belongs to as associated data');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [BOUND, this.current.id, iv.toString('base64url'), body.toString('base64url')].join(':');
  }

  /** Decrypts a value read from the row that `aad` names. A `v1:` value ignores `aad`. */
  decrypt(stored: string, aad: string): string {
    const [version, id, ivText, bodyText, extra] = stored.split(':');
    if ((version !== BOUND && version !== LEGACY) || !id || !ivText || !bodyText || extra !== undefined) {
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
    if (version === BOUND) decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new CipherKeyError(
        `encrypted value under key ${id} failed authentication: wrong key, tampered data, or a value copied from another row`,
      );
    }
  }

  /** True when `stored` is bound to its row and under the current key: nothing left to migrate. */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${BOUND}:${this.current.id}:`);
  }

  /** The key id a stored value names, without decrypting it. */
  static keyIdOf(stored: string): string | null {
    const parts = stored.split(':');
    return (parts[0] === BOUND || parts[0] === LEGACY) && parts.length === 4 ? parts[1] : null;
  }

  /** The format a stored value is in: 'v2' (bound to its row) or 'v1' (legacy), else null. */
  static versionOf(stored: string): 'v1' | 'v2' | null {
    const v = stored.split(':')[0];
    return v === BOUND || v === LEGACY ? v : null;
  }
}
