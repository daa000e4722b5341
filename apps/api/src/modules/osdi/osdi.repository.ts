import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@juntos/db';
import { OsdiPage } from './osdi-paging';

/** A member as OSDI may carry them: names, contacts, place and status. No assessment, no notes, no consent. */
export interface OsdiPersonRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  preferred_language: string | null;
  status: string;
  tags: string[];
  workplace_name: string | null;
  employer: string | null;
  unit_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The OSDI interface's reads. Each runs inside the token's system work, scoped to the token's
 * local by row-level security, and names its columns: what is not listed never leaves.
 */
/** The columns a person is built from, and nothing more. */
const PERSON = `
  select m.id, m.first_name, m.last_name, m.preferred_name, m.email, m.phone, m.preferred_language,
         m.status, m.tags, w.name as workplace_name, w.employer, u.name as unit_name,
         m.created_at, m.updated_at
    from member m
    left join workplace w on w.id = m.workplace_id and w.local_id = m.local_id
    left join unit u on u.id = m.unit_id and u.local_id = m.local_id`;

@Injectable()
export class OsdiRepository {
  constructor(private readonly tx: TransactionHost) {}

  async people(localId: string, p: OsdiPage): Promise<{ rows: OsdiPersonRow[]; total: number }> {
    const em = await this.tx.manager();
    const where = [`m.local_id = $1`];
    const params: unknown[] = [localId];
    if (p.modifiedAfter) where.push(`m.updated_at > $${params.push(p.modifiedAfter)}`);
    if (p.modifiedBefore) where.push(`m.updated_at < $${params.push(p.modifiedBefore)}`);
    const [{ total }] = (await em.query(
      `select count(*)::int as total from member m where ${where.join(' and ')}`,
      params,
    )) as { total: number }[];
    const rows = (await em.query(
      `${PERSON} where ${where.join(' and ')}
        order by m.created_at, m.id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, p.perPage, (p.page - 1) * p.perPage],
    )) as OsdiPersonRow[];
    return { rows, total };
  }

  async person(localId: string, id: string): Promise<OsdiPersonRow | null> {
    const em = await this.tx.manager();
    const rows = (await em.query(`${PERSON} where m.local_id = $1 and m.id = $2`, [
      localId,
      id,
    ])) as OsdiPersonRow[];
    return rows[0] ?? null;
  }
}
