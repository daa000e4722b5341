import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';

@Injectable()
export class NotesKeysRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Distinct key ids across every local's notes: the system path notes:key-check only. */
  async keyIdsInUse(): Promise<string[]> {
    const em = await this.tx.manager();
    const rows: { key_id: string }[] = await em.query(
      `select distinct split_part(notes, ':', 2) as key_id from one_on_one where notes is not null`,
    );
    return rows.map((r) => r.key_id);
  }
}
