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
      // Say what to do, not only what is wrong: the usual cause in development is a rotation done
      // with environment variables, then a plain start that falls back to DATA_DIR/secrets.json.
      throw new Error(
        `one-on-one notes are encrypted under key(s) ${missing.join(', ')}, which NOTES_ENCRYPTION_KEY ` +
          `(key ${this.cipher.currentKeyId}) and NOTES_ENCRYPTION_KEYS_OLD do not include: refusing to start. ` +
          'Start with the key those notes were written under, as NOTES_ENCRYPTION_KEY or in ' +
          "NOTES_ENCRYPTION_KEYS_OLD. A key's id is the first 16 hex digits of its SHA-256: " +
          `node -e "console.log(require('crypto').createHash('sha256').update(Buffer.from(process.argv[1],'base64')).digest('hex').slice(0,16))" <key>. ` +
          'In development, a key not set in the environment or .env comes from DATA_DIR/secrets.json: after a ' +
          'rotation, put the new key in .env as NOTES_ENCRYPTION_KEY (and the old one in NOTES_ENCRYPTION_KEYS_OLD ' +
          'until notes:reencrypt is done), or write it into secrets.json.',
      );
    }
    const legacy = inUse.reduce((n, k) => n + k.legacy, 0);
    if (legacy)
      this.logger.warn(
        `${legacy} one-on-one notes are still v1, not bound to their row: run npm run notes:reencrypt`,
      );
  }
}
