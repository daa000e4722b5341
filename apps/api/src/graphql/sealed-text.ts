import { Logger } from '@nestjs/common';
import { AppError } from '@juntos/common';
import { CipherKeyError, FieldCipher } from '@juntos/crypto';

/**
 * Text stored encrypted (one-on-one notes, incident details, verification notes), decrypted for a
 * viewer already allowed to read it. Text that does not decrypt on its row (copied from another,
 * tampered with, or under a missing key) fails its field alone with UNREADABLE, and the rest of
 * the answer stands. Logged by record and key id, never content.
 */
export function openSealed(
  cipher: FieldCipher,
  log: Logger,
  sealed: string | null,
  aad: string,
  what: { record: string; message: string },
): string | null {
  if (sealed === null) return null;
  try {
    return cipher.decrypt(sealed, aad);
  } catch (e) {
    if (!(e instanceof CipherKeyError)) throw e;
    log.warn(`${what.record} (key ${FieldCipher.keyIdOf(sealed) ?? '?'}) did not decrypt: ${e.message}`);
    throw new AppError('UNREADABLE', what.message);
  }
}
