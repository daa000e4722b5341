import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FieldCipher } from '@juntos/crypto';
import { TransactionHost } from '@juntos/db';
import { NotesKeysRepository } from './notes-keys.repository';

/**
 * At start, every key that stored notes were encrypted under must be NOTES_ENCRYPTION_KEY or in
 * NOTES_ENCRYPTION_KEYS_OLD. Otherwise the API refuses to start, naming the missing key id,
 * rather than failing on each read. Notes still in v1 (not bound to their row) are counted in the
 * log, so an operator knows to run `npm run notes:reencrypt`.
 */
@Injectable()
export class NotesKeyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly tx: TransactionHost,
    private readonly keys: NotesKeysRepository,
    private readonly cipher: FieldCipher,
  ) {}

  private readonly logger = new Logger('NotesKeyCheck');

  async onApplicationBootstrap(): Promise<void> {
    const inUse = await this.tx.system('notes:key-check', () => this.keys.keysInUse());
    const missing = inUse.map((k) => k.keyId).filter((id) => !this.cipher.canDecryptKey(id));
    if (missing.length) {
      throw new Error(
        `one-on-one notes are encrypted under key(s) ${missing.join(', ')}, which NOTES_ENCRYPTION_KEY ` +
          `(key ${this.cipher.currentKeyId}) and NOTES_ENCRYPTION_KEYS_OLD do not include: refusing to start`,
      );
    }
    const legacy = inUse.reduce((n, k) => n + k.legacy, 0);
    if (legacy)
      this.logger.warn(
        `${legacy} one-on-one notes are still v1, not bound to their row: run npm run notes:reencrypt`,
      );
  }
}
