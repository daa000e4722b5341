/**
 * npm run notes:reencrypt [-- --batch 500 --after <id>]
 *
 * Moves every one-on-one note to the current form: bound to its row (v2) and under
 * NOTES_ENCRYPTION_KEY. That covers notes written before the binding (v1) and, after a rotation,
 * notes under a key now in NOTES_ENCRYPTION_KEYS_OLD. In batches, printing progress. Safe to stop
 * and run again: it skips notes already current. It ends by counting what the key holds; once
 * nothing is left to move, the old key can go.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@juntos/db';
import { FieldCipher, oneOnOneNotesAad, retiredKeys } from '@juntos/crypto';
import { ownerDatabaseUrl } from './database-url';
import { loadDevSecrets } from '../apps/api/src/config/dev-secrets';
import { notesCensus, reencryptNotes } from '../apps/api/src/modules/one-on-ones/notes-rotation.repository';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const { url, embedded } = await ownerDatabaseUrl();
  const key =
    process.env.NOTES_ENCRYPTION_KEY ||
    (process.env.NODE_ENV === 'production'
      ? undefined
      : loadDevSecrets(process.env.DATA_DIR || './.data').NOTES_ENCRYPTION_KEY);
  if (!key) throw new Error('NOTES_ENCRYPTION_KEY is required');
  const cipher = new FieldCipher(key, retiredKeys(process.env.NOTES_ENCRYPTION_KEYS_OLD));
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 1 }));
  await ds.initialize();
  try {
    const result = await reencryptNotes(ds, cipher, oneOnOneNotesAad, {
      batchSize: Number(arg('batch') ?? 500),
      after: arg('after') ?? null,
      onBatch: (p) => console.log(`moved ${p.moved} so far (resume with --after ${p.lastId ?? '-'})`),
    });
    const c = await notesCensus(ds, cipher.currentKeyId);
    console.log(
      `this run moved ${result.moved} notes. Key ${cipher.currentKeyId} now holds ${c.current} of ` +
        `${c.total} notes, each bound to its row; ${c.total - c.current} left to move ` +
        `(${c.legacy} v1, ${c.retired} under a retired key).`,
    );
    if (result.unreadable.length) {
      // Ids only: a note's content never reaches a log.
      console.log(
        `${result.unreadable.length} notes did not decrypt and were left as they are ` +
          `(copied from another row, tampered, or under a missing key): ${result.unreadable.join(', ')}`,
      );
    }
    console.log(
      c.current === c.total
        ? 'done: every note is current; any key in NOTES_ENCRYPTION_KEYS_OLD can be removed.'
        : 'not done: keep NOTES_ENCRYPTION_KEYS_OLD until the notes above are dealt with.',
    );
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((e: Error) => {
  console.error(`notes:reencrypt: ${e.message}`);
  process.exit(1);
});
