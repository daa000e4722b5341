import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';

export interface NotesKeyUse {
  keyId: string;
  /** Notes under this key still in v1 (not bound to their row). */
  legacy: number;
}

@Injectable()
export class NotesKeysRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Each key id across every local's notes, with its v1 count: the system path notes:key-check only. */
  async keysInUse(): Promise<NotesKeyUse[]> {
    const em = await this.tx.manager();
    const rows: { key_id: string; legacy: number }[] = await em.query(
      `select split_part(notes, ':', 2) as key_id, count(*) filter (where notes like 'v1:%')::int as legacy
         from one_on_one where notes is not null group by 1`,
    );
    return rows.map((r) => ({ keyId: r.key_id, legacy: r.legacy }));
  }
}
