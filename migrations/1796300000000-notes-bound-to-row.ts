import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-on-one notes bound to their row: new notes are `v2:` (AES-256-GCM with the row's field,
 * local and id as associated data). `v1:` notes stay allowed until `npm run notes:reencrypt`
 * moves them; the column still never holds anything but ciphertext.
 */
export class NotesBoundToRow1796300000000 implements MigrationInterface {
  name = 'NotesBoundToRow1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table one_on_one drop constraint one_on_one_notes_check`);
    await q.query(
      `alter table one_on_one add constraint one_on_one_notes_check check (notes like 'v1:%' or notes like 'v2:%')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Refuses (check violation) while any v2 note exists: they cannot be read as v1.
    await q.query(`alter table one_on_one drop constraint one_on_one_notes_check`);
    await q.query(`alter table one_on_one add constraint one_on_one_notes_check check (notes like 'v1:%')`);
  }
}
