/**
 * npm run notes:reencrypt [-- --batch 500 --after <id>]
 *
 * After rotating NOTES_ENCRYPTION_KEY (the old key moved to NOTES_ENCRYPTION_KEYS_OLD), rewrites
 * every one-on-one note under the new key, in batches, printing progress. Safe to stop and run
 * again: it skips notes already under the current key. Once it reports 0 left, the old key can go.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, reencryptNotes } from '@juntos/db';
import { FieldCipher, retiredKeys } from '@juntos/crypto';
import { ownerDatabaseUrl } from './database-url';
import { loadDevSecrets } from '../apps/api/src/config/dev-secrets';

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
    const result = await reencryptNotes(ds, cipher, {
      batchSize: Number(arg('batch') ?? 500),
      after: arg('after') ?? null,
      onBatch: (p) => console.log(`rewritten ${p.rewritten} so far (resume with --after ${p.lastId ?? '-'})`),
    });
    console.log(`done: ${result.rewritten} notes now under key ${cipher.currentKeyId}`);
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((e: Error) => {
  console.error(`notes:reencrypt: ${e.message}`);
  process.exit(1);
});
