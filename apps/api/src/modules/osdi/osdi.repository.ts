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

/** A petition, its signature count, and when it or its signatures last changed. */
export interface OsdiPetitionRow {
  id: string;
  title: string;
  demand: string;
  target: string;
  goal: number;
  status: string;
  workplace_name: string | null;
  total_signatures: number;
  created_at: Date;
  modified_at: Date;
}

/** One member's signature on one petition: when, and how it was collected. Not who collected it. */
export interface OsdiSignatureRow {
  id: string;
  petition_id: string;
  member_id: string;
  method: string;
  signed_at: Date;
  modified_at: Date;
}

/** An event, its accepted RSVPs, and when it or its answers last changed. */
export interface OsdiEventRow {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  starts_at: Date;
  ends_at: Date | null;
  timezone: string;
  location: string | null;
  capacity: number | null;
  status: string;
  workplace_name: string | null;
  total_accepted: number;
  created_at: Date;
  modified_at: Date;
}

/** One member and one event: the RSVP and, separately, whether they came. */
export interface OsdiAttendanceRow {
  id: string;
  event_id: string;
  member_id: string;
  rsvp: string | null;
  attended: boolean | null;
  created_at: Date;
  modified_at: Date;
}

/** A tag of the local's members (`member.tags`): it exists while a member carries it. */
export interface OsdiTagRow {
  local_id: string;
  name: string;
  created_at: Date;
  modified_at: Date;
}

/** One member carrying one tag. Dated by the member's row: tags keep no dates of their own. */
export interface OsdiTaggingRow {
  local_id: string;
  tag: string;
  member_id: string;
  created_at: Date;
  modified_at: Date;
}

export interface OsdiPaged<T> {
  rows: T[];
  total: number;
}

/** The columns a person is built from, and nothing more. */
const PERSON = `
  select m.id, m.first_name, m.last_name, m.preferred_name, m.email, m.phone, m.preferred_language,
         m.status, m.tags, w.name as workplace_name, w.employer, u.name as unit_name,
         m.created_at, m.updated_at
    from member m
    left join workplace w on w.id = m.workplace_id and w.local_id = m.local_id
    left join unit u on u.id = m.unit_id and u.local_id = m.local_id`;

/** A petition changes when it is edited and when a signature is added or goes (total_signatures). */
const PETITION = `
  select p.id, p.title, p.demand, p.target, p.goal, p.status, w.name as workplace_name,
         s.total as total_signatures, p.created_at,
         greatest(p.updated_at, s.last_added) as modified_at
    from petition p
    left join workplace w on w.id = p.workplace_id and w.local_id = p.local_id
    cross join lateral (
      select count(*)::int as total, max(s.created_at) as last_added
        from signature s where s.petition_id = p.id and s.local_id = p.local_id) s`;

/** A signature is never edited: it changed when it was recorded (or signed, if that is later). */
const SIGNATURE = `
  select s.id, s.petition_id, s.member_id, s.method, s.signed_at, s.created_at,
         greatest(s.created_at, s.signed_at) as modified_at
    from signature s`;

/** An event changes when it is edited and when an RSVP or attendance is recorded (total_accepted). */
const EVENT = `
  select e.id, e.kind, e.title, e.description, e.starts_at, e.ends_at, e.timezone, e.location,
         e.capacity, e.status, w.name as workplace_name, a.accepted as total_accepted, e.created_at,
         greatest(e.updated_at, a.last_changed) as modified_at
    from event e
    left join workplace w on w.id = e.workplace_id and w.local_id = e.local_id
    cross join lateral (
      select (count(*) filter (where a.rsvp = 'ACCEPTED'))::int as accepted, max(a.updated_at) as last_changed
        from attendance a where a.event_id = e.id and a.local_id = e.local_id) a`;

const ATTENDANCE = `
  select a.id, a.event_id, a.member_id, a.rsvp, a.attended, a.created_at, a.updated_at as modified_at
    from attendance a`;

/** Every tag of the local's members, dated by the members who carry it. */
const TAGS = `
  select m.local_id, t.name, min(m.created_at) as created_at, max(m.updated_at) as modified_at
    from member m cross join lateral unnest(m.tags) as t(name)`;

const TAGGING = `
  select m.local_id, t.name as tag, t.n, m.id as member_id, m.created_at, m.updated_at as modified_at
    from member m cross join lateral unnest(m.tags) with ordinality as t(name, n)`;

/** The tables a parent of a nested collection lives in. */
type Parent = 'member' | 'petition' | 'event';

/**
 * The OSDI interface's reads. Each runs inside the token's system work, scoped to the token's
 * local by row-level security, and also names the local in its own where clause; each names its
 * columns: what is not listed never leaves.
 */
@Injectable()
export class OsdiRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * One page of `inner` (which exposes `modified` for the filter and the `order` columns), and how
   * many rows it has in all. A page past the end costs only the count.
   */
  private async page<T>(
    inner: string,
    params: unknown[],
    p: OsdiPage,
    order: string,
    modified = 'modified_at',
  ): Promise<OsdiPaged<T>> {
    const em = await this.tx.manager();
    const where: string[] = [];
    const all = [...params];
    if (p.modifiedAfter) where.push(`x.${modified} > $${all.push(p.modifiedAfter)}`);
    if (p.modifiedBefore) where.push(`x.${modified} < $${all.push(p.modifiedBefore)}`);
    const from = `from (${inner}) x ${where.length ? `where ${where.join(' and ')}` : ''}`;
    const [{ total }] = (await em.query(`select count(*)::int as total ${from}`, all)) as { total: number }[];
    const offset = (p.page - 1) * p.perPage;
    if (offset >= total) return { rows: [], total };
    const rows = (await em.query(
      `select x.* ${from} order by ${order} limit $${all.length + 1} offset $${all.length + 2}`,
      [...all, p.perPage, offset],
    )) as T[];
    return { rows, total };
  }

  private async one<T>(sql: string, params: unknown[]): Promise<T | null> {
    const em = await this.tx.manager();
    const rows = (await em.query(sql, params)) as T[];
    return rows[0] ?? null;
  }

  /** Whether the local holds this member, petition or event (for a nested collection's 404). */
  async exists(table: Parent, localId: string, id: string): Promise<boolean> {
    const em = await this.tx.manager();
    const rows = (await em.query(`select 1 from ${table} where local_id = $1 and id = $2`, [
      localId,
      id,
    ])) as unknown[];
    return rows.length > 0;
  }

  people(localId: string, p: OsdiPage): Promise<OsdiPaged<OsdiPersonRow>> {
    return this.page(`${PERSON} where m.local_id = $1`, [localId], p, 'x.created_at, x.id', 'updated_at');
  }

  person(localId: string, id: string): Promise<OsdiPersonRow | null> {
    return this.one(`${PERSON} where m.local_id = $1 and m.id = $2`, [localId, id]);
  }

  petitions(localId: string, p: OsdiPage): Promise<OsdiPaged<OsdiPetitionRow>> {
    return this.page(`${PETITION} where p.local_id = $1`, [localId], p, 'x.created_at, x.id');
  }

  petition(localId: string, id: string): Promise<OsdiPetitionRow | null> {
    return this.one(`${PETITION} where p.local_id = $1 and p.id = $2`, [localId, id]);
  }

  /** The signatures on one petition, or of one member. */
  signatures(
    localId: string,
    of: { petitionId: string } | { memberId: string },
    p: OsdiPage,
  ): Promise<OsdiPaged<OsdiSignatureRow>> {
    const [column, id] = 'petitionId' in of ? ['petition_id', of.petitionId] : ['member_id', of.memberId];
    return this.page(
      `${SIGNATURE} where s.local_id = $1 and s.${column} = $2`,
      [localId, id],
      p,
      'x.created_at, x.id',
    );
  }

  signature(localId: string, petitionId: string, id: string): Promise<OsdiSignatureRow | null> {
    return this.one(`${SIGNATURE} where s.local_id = $1 and s.petition_id = $2 and s.id = $3`, [
      localId,
      petitionId,
      id,
    ]);
  }

  events(localId: string, p: OsdiPage): Promise<OsdiPaged<OsdiEventRow>> {
    return this.page(`${EVENT} where e.local_id = $1`, [localId], p, 'x.created_at, x.id');
  }

  event(localId: string, id: string): Promise<OsdiEventRow | null> {
    return this.one(`${EVENT} where e.local_id = $1 and e.id = $2`, [localId, id]);
  }

  /** The RSVPs and attendance of one event, or of one member. */
  attendances(
    localId: string,
    of: { eventId: string } | { memberId: string },
    p: OsdiPage,
  ): Promise<OsdiPaged<OsdiAttendanceRow>> {
    const [column, id] = 'eventId' in of ? ['event_id', of.eventId] : ['member_id', of.memberId];
    return this.page(
      `${ATTENDANCE} where a.local_id = $1 and a.${column} = $2`,
      [localId, id],
      p,
      'x.created_at, x.id',
    );
  }

  attendance(localId: string, eventId: string, id: string): Promise<OsdiAttendanceRow | null> {
    return this.one(`${ATTENDANCE} where a.local_id = $1 and a.event_id = $2 and a.id = $3`, [
      localId,
      eventId,
      id,
    ]);
  }

  tags(localId: string, p: OsdiPage): Promise<OsdiPaged<OsdiTagRow>> {
    return this.page(`${TAGS} where m.local_id = $1 group by m.local_id, t.name`, [localId], p, 'x.name');
  }

  /** Every tag name the local's members carry: few, so a tag's id is matched against them in code. */
  async tagNames(localId: string): Promise<string[]> {
    const em = await this.tx.manager();
    const rows = (await em.query(
      `select distinct t.name from member m cross join lateral unnest(m.tags) as t(name) where m.local_id = $1`,
      [localId],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  tag(localId: string, name: string): Promise<OsdiTagRow | null> {
    return this.one(
      `${TAGS} where m.local_id = $1 and m.tags @> array[$2::text] and t.name = $2 group by m.local_id, t.name`,
      [localId, name],
    );
  }

  /** The members carrying one tag, or the tags of one member (in the member's order). */
  taggings(
    localId: string,
    of: { tag: string } | { memberId: string },
    p: OsdiPage,
  ): Promise<OsdiPaged<OsdiTaggingRow>> {
    if ('tag' in of)
      return this.page(
        `${TAGGING} where m.local_id = $1 and m.tags @> array[$2::text] and t.name = $2`,
        [localId, of.tag],
        p,
        'x.created_at, x.member_id',
      );
    return this.page(`${TAGGING} where m.local_id = $1 and m.id = $2`, [localId, of.memberId], p, 'x.n');
  }

  /** The member ids carrying one tag, to find one tagging by its id. */
  async tagMembers(localId: string, tag: string): Promise<string[]> {
    const em = await this.tx.manager();
    const rows = (await em.query(
      `select m.id from member m where m.local_id = $1 and m.tags @> array[$2::text]`,
      [localId, tag],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  tagging(localId: string, tag: string, memberId: string): Promise<OsdiTaggingRow | null> {
    return this.one(`${TAGGING} where m.local_id = $1 and m.id = $2 and t.name = $3`, [
      localId,
      memberId,
      tag,
    ]);
  }
}
