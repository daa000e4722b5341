import { DataSource } from 'typeorm';

/** What re-encryption needs from the cipher: read under any known key, write under the current. */
export interface NotesCipher {
  readonly currentKeyId: string;
  decrypt(stored: string): string;
  encrypt(plaintext: string): string;
}

export interface ReencryptProgress {
  rewritten: number;
  lastId: string | null;
}

/**
 * Rewrites every one-on-one note not yet under the current key, in batches of `batchSize`, one
 * transaction per batch on the named system path notes:reencrypt. Resumable by design: it skips
 * notes already under the current key, and `after` restarts from a reported id.
 */
export async function reencryptNotes(
  ds: DataSource,
  cipher: NotesCipher,
  opts: { batchSize?: number; after?: string | null; onBatch?: (p: ReencryptProgress) => void } = {},
): Promise<ReencryptProgress> {
  const batchSize = opts.batchSize ?? 500;
  const progress: ReencryptProgress = { rewritten: 0, lastId: opts.after ?? null };
  for (;;) {
    const done = await ds.transaction(async (em) => {
      await em.query(`select set_config('app.system_purpose', 'notes:reencrypt', true)`);
      const rows: { id: string; notes: string }[] = await em.query(
        `select id, notes from one_on_one
          where notes is not null and split_part(notes, ':', 2) <> $1 and ($2::uuid is null or id > $2::uuid)
          order by id limit $3 for update`,
        [cipher.currentKeyId, progress.lastId, batchSize],
      );
      for (const row of rows) {
        await em.query('update one_on_one set notes = $2 where id = $1', [
          row.id,
          cipher.encrypt(cipher.decrypt(row.notes)),
        ]);
      }
      if (rows.length) {
        progress.rewritten += rows.length;
        progress.lastId = rows[rows.length - 1].id;
      }
      return rows.length < batchSize;
    });
    opts.onBatch?.({ ...progress });
    if (done) return progress;
  }
}
