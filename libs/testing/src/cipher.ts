import { createCipheriv, randomBytes } from 'node:crypto';
import { keyId } from '@juntos/crypto';

/** A fresh AES-256 key, base64-encoded as NOTES_ENCRYPTION_KEY takes it. */
export const randomCipherKey = (): string => randomBytes(32).toString('base64');

/**
 * A note as the code before row binding stored it: `v1:`, AES-256-GCM without associated data.
 * FieldCipher still reads these and never writes them, so tests make them here.
 */
export function legacyV1(base64Key: string, plaintext: string): string {
  const k = Buffer.from(base64Key, 'base64');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k, iv);
  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]);
  return ['v1', keyId(k), iv.toString('base64url'), body.toString('base64url')].join(':');
}
