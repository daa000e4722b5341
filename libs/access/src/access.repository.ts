import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';
import { RecordKind, RecordKindRegistry } from './record-kinds';

export interface RecordPlace {
  localId: string;
  workplaceId: string | null;
}

@Injectable()
export class AccessRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly kinds: RecordKindRegistry,
  ) {}

  /**
   * Where a record lives, by the SQL its module registered, looked up only among the given locals:
   * anything else reads as missing. One statement per check.
   */
  async placeOf(kind: RecordKind, id: string, localIds: readonly string[]): Promise<RecordPlace | null> {
    if (!localIds.length) return null;
    const em = await this.tx.manager();
    const rows: { local_id: string; workplace_id: string | null }[] = await em.query(
      `select * from (${this.kinds.sqlOf(kind)}) r where r.local_id = any($2::uuid[])`,
      [id, localIds],
    );
    return rows[0] ? { localId: rows[0].local_id, workplaceId: rows[0].workplace_id } : null;
  }
}
