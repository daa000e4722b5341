import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';

/** Where each kind of record keeps its local and, for steward scoping, its workplace. */
const RECORDS = {
  local: 'select id as local_id, null::uuid as workplace_id from local where id = $1',
  roleAssignment: 'select local_id, null::uuid as workplace_id from role_assignment where id = $1',
  workplace: 'select local_id, id as workplace_id from workplace where id = $1',
  member: 'select local_id, workplace_id from member where id = $1',
  oneOnOne:
    'select o.local_id, m.workplace_id from one_on_one o join member m on m.id = o.member_id where o.id = $1',
  petition: 'select local_id, workplace_id from petition where id = $1',
  campaign: 'select local_id, null::uuid as workplace_id from campaign where id = $1',
  milestone: 'select local_id, null::uuid as workplace_id from milestone where id = $1',
  signature:
    'select s.local_id, m.workplace_id from signature s join member m on m.id = s.member_id where s.id = $1',
} as const;

export type RecordKind = keyof typeof RECORDS;

export interface RecordPlace {
  localId: string;
  workplaceId: string | null;
}

@Injectable()
export class AccessRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Where a record lives, looked up only among the given locals: anything else reads as missing. */
  async placeOf(kind: RecordKind, id: string, localIds: readonly string[]): Promise<RecordPlace | null> {
    if (!localIds.length) return null;
    const em = await this.tx.manager();
    const rows: { local_id: string; workplace_id: string | null }[] = await em.query(
      `select * from (${RECORDS[kind]}) r where r.local_id = any($2::uuid[])`,
      [id, localIds],
    );
    return rows[0] ? { localId: rows[0].local_id, workplaceId: rows[0].workplace_id } : null;
  }
}
