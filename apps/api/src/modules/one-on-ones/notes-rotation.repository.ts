/** The notes:reencrypt system path: rotation SQL over one_on_one, run by scripts/notes-reencrypt.ts outside any request. */
import { DataSource, EntityManager } from 'typeorm';

/** What re-encryption needs from the cipher: read under any known key, write under the current. */
export interface NotesCipher {
  readonly currentKeyId: string;
  /** Bound to its row (v2) and under the current key: nothing to do. */
  isCurrent(stored: string): boolean;
  decrypt(stored: string, aad: string): string;
  encrypt(plaintext: string, aad: string): string;
}

/** The associated data a note is bound to, from its row (libs/crypto builds it). */
export type NotesAad = (localId: string, id: string) => string;

export interface ReencryptProgress {
  /** Notes this run rewrote: v1 moved to v2, or a retired key's notes moved to the current one. */
  moved: number;
  lastId: string | null;
  /** Notes that did not decrypt (copied from another row, tampered, or under a missing key): left as they are. */
  unreadable: string[];
}

/** Where the stored notes stand: how many the current key holds bound to their row, and the rest. */
export interface NotesCensus {
  total: number;
  /** v2 under the current key. */
  current: number;
  /** Still v1 (not bound to their row), under any key. */
  legacy: number;
  /** v2 under a retired key. */
  retired: number;
}

const PURPOSE = 'notes:reencrypt';

async function onSystemPath(em: EntityManager): Promise<void> {
  await em.query(`select set_config('app.system_purpose', $1, true)`, [PURPOSE]);
}

/**
 * Rewrites every one-on-one note that is not yet bound to its row under the current key (a `v1:`
 * note, or one under a retired key), in batches of `batchSize`, one transaction per batch on the
 * named system path notes:reencrypt. Resumable: it skips notes already current, and `after`
 * restarts from a reported id. A note that does not decrypt is reported by id (never content) and
 * left untouched, so one bad row cannot stop a rotation.
 */
export async function reencryptNotes(
  ds: DataSource,
  cipher: NotesCipher,
  aadOf: NotesAad,
  opts: { batchSize?: number; after?: string | null; onBatch?: (p: ReencryptProgress) => void } = {},
): Promise<ReencryptProgress> {
  const batchSize = opts.batchSize ?? 500;
  const progress: ReencryptProgress = { moved: 0, lastId: opts.after ?? null, unreadable: [] };
  for (;;) {
    const done = await ds.transaction(async (em) => {
      await onSystemPath(em);
      const rows: { id: string; local_id: string; notes: string }[] = await em.query(
        `select id, local_id, notes from one_on_one
          where notes is not null and notes not like $1 and ($2::uuid is null or id > $2::uuid)
          order by id limit $3 for update`,
        [`v2:${cipher.currentKeyId}:%`, progress.lastId, batchSize],
      );
      const ids: string[] = [];
      const notes: string[] = [];
      for (const row of rows) {
        const aad = aadOf(row.local_id, row.id);
        let plain: string;
        try {
          plain = cipher.decrypt(row.notes, aad);
        } catch {
          progress.unreadable.push(row.id);
          continue;
        }
        ids.push(row.id);
        notes.push(cipher.encrypt(plain, aad));
      }
      if (ids.length)
        await em.query(
          `update one_on_one o set notes = v.notes from unnest($1::uuid[], $2::text[]) as v(id, notes) where o.id = v.id`,
          [ids, notes],
        );
      progress.moved += ids.length;
      if (rows.length) progress.lastId = rows[rows.length - 1].id;
      return rows.length < batchSize;
    });
    opts.onBatch?.({ ...progress, unreadable: [...progress.unreadable] });
    if (done) return progress;
  }
}

/** Counts the stored notes by format and key, across every local, on the notes:reencrypt path. */
export async function notesCensus(ds: DataSource, currentKeyId: string): Promise<NotesCensus> {
  return ds.transaction(async (em) => {
    await onSystemPath(em);
    const [row]: { total: number; current: number; legacy: number }[] = await em.query(
      `select count(*)::int as total,
              count(*) filter (where notes like $1)::int as current,
              count(*) filter (where notes like 'v1:%')::int as legacy
         from one_on_one where notes is not null`,
      [`v2:${currentKeyId}:%`],
    );
    return { ...row, retired: row.total - row.current - row.legacy };
  });
}
