import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { BY_FULL_NAME, MembershipStatus, Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  countUpTo,
  KeysetColumns,
  keysetPage,
  MemberEntity,
  TransactionHost,
  UnitEntity,
  WorkplaceEntity,
  byTime,
} from '@juntos/db';
import { escapeLike } from './member-fields';

export type MemberWritable = Pick<
  MemberEntity,
  | 'workplaceId'
  | 'unitId'
  | 'firstName'
  | 'lastName'
  | 'preferredName'
  | 'phone'
  | 'email'
  | 'preferredLanguage'
  | 'status'
  | 'cardSignedAt'
  | 'tags'
  | 'alertOptIn'
>;

export interface MemberQuery {
  workplaceId?: string;
  unitId?: string;
  status?: MembershipStatus;
  supportLevel?: number;
  tag?: string;
  search?: string;
  notContactedSince?: Date;
  includeArchived?: boolean;
}

export interface ExportRow extends MemberEntity {
  workplaceName: string | null;
  unitName: string | null;
}

/** A contact detail another member of the local already has, and whether that member is in the writer's scope. */
export interface ContactHolder {
  id: string;
  workplaceId: string | null;
  email: boolean;
  phone: boolean;
}

export interface PossibleDuplicateRow {
  id: string;
  localId: string;
  memberId: string;
  otherMemberId: string;
  matched: ('EMAIL' | 'PHONE')[];
  createdAt: Date;
}

/**
 * The text search matches: names, email and phone, folded to lowercase without accents, stored
 * by a trigger (migration MemberSearchText) so a search compares text instead of folding each row.
 */
const SEARCH_TEXT = 'm.search_text';

const BY_FULL_NAME_ORDER: KeysetColumns<MemberEntity> = {
  shape: BY_FULL_NAME,
  columns: ['m.last_name', 'm.first_name', 'm.id'],
  direction: 'ASC',
  key: (m) => [m.lastName, m.firstName, m.id],
};

/** Possible duplicates are a work queue: oldest first. */
const OLDEST_PAIRS = byTime<PossibleDuplicateRow>('d.created_at', 'd.id', (p) => p.createdAt, 'ASC');

@Injectable()
export class MembersRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(scope: Scope, fields: MemberWritable): Promise<MemberEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(MemberEntity, { ...fields, localId: scope.localId }));
  }

  async update(
    scope: Scope,
    id: string,
    patch: Partial<MemberWritable> & { archivedAt?: Date },
  ): Promise<void> {
    if (!Object.keys(patch).length) return;
    const em = await this.tx.manager();
    await em.update(MemberEntity, { id, localId: scope.localId }, patch);
  }

  async findInScope(scope: Scope, id: string): Promise<MemberEntity | null> {
    const qb = this.scoped(
      await this.tx.manager().then((em) => em.createQueryBuilder(MemberEntity, 'm')),
      scope,
    );
    return qb.andWhere('m.id = :id', { id }).getOne();
  }

  /**
   * A page ordered by last name, first name and id. With `countUpTo`, also the total matching the
   * filter, exact up to that many (see countUpTo); without it, no count runs.
   */
  async page(
    scope: Scope,
    q: MemberQuery,
    args: PageArgs,
    countUpToLimit: number | null,
  ): Promise<Page<MemberEntity> & { totalCount: number | null; totalCountIsExact: boolean | null }> {
    const em = await this.tx.manager();
    const qb = this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope);
    if (!q.includeArchived) qb.andWhere('m.archived_at IS NULL');
    if (q.workplaceId) qb.andWhere('m.workplace_id = :workplaceId', { workplaceId: q.workplaceId });
    if (q.unitId) qb.andWhere('m.unit_id = :unitId', { unitId: q.unitId });
    if (q.status) qb.andWhere('m.status = :status', { status: q.status });
    if (q.supportLevel) qb.andWhere('m.support_level = :supportLevel', { supportLevel: q.supportLevel });
    if (q.tag) qb.andWhere('m.tags @> ARRAY[:tag]::text[]', { tag: q.tag });
    if (q.notContactedSince) {
      qb.andWhere('(m.last_contact_at IS NULL OR m.last_contact_at < :since)', {
        since: q.notContactedSince,
      });
    }
    if (q.search) {
      const digits = q.search.replace(/[\s().+-]/g, '');
      const byPhone = /^\d{3,}$/.test(digits);
      qb.andWhere(
        `(${SEARCH_TEXT} LIKE '%' || juntos_fold(:search) || '%'${byPhone ? ` OR m.phone LIKE '%' || :digits || '%'` : ''})`,
        { search: escapeLike(q.search), digits },
      );
    }
    let totalCountIsExact: boolean | null = null;
    const count =
      countUpToLimit === null
        ? null
        : async (c: SelectQueryBuilder<MemberEntity>) => {
            const { value, exact } = await countUpTo(em, c, countUpToLimit);
            totalCountIsExact = exact;
            return value;
          };
    const page = await keysetPage(qb, BY_FULL_NAME_ORDER, args, undefined, count);
    // Asked for, so counted now: whether it is exact is known only once it is.
    const totalCount = await page.totalCount;
    return { ...page, totalCount, totalCountIsExact };
  }

  /**
   * A conversation's effect on the member, in one statement: lastContactAt is the latest
   * occurredAt, and supportLevel the assessment of the latest conversation that made one, so a
   * conversation logged late never overwrites a newer assessment.
   */
  async applyConversation(
    scope: Scope,
    id: string,
    occurredAt: Date,
    supportLevel: number | null,
  ): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `update member set
         last_contact_at = greatest(coalesce(last_contact_at, $2), $2),
         support_level = case when $3::smallint is not null and (assessed_at is null or $2 >= assessed_at) then $3 else support_level end,
         assessed_at = case when $3::smallint is not null and (assessed_at is null or $2 >= assessed_at) then $2 else assessed_at end,
         updated_at = now()
       where id = $1 and local_id = $4`,
      [id, occurredAt, supportLevel, scope.localId],
    );
  }

  /** False when the member was already gone (erased or merged away by a request that ran first). */
  async delete(scope: Scope, id: string): Promise<boolean> {
    const em = await this.tx.manager();
    const { affected } = await em.delete(MemberEntity, { id, localId: scope.localId });
    return !!affected;
  }

  /** Existing members an import row could match: by email, phone, or folded first and last name. */
  async findMatchCandidates(
    scope: Scope,
    keys: { emails: string[]; phones: string[]; names: string[] },
  ): Promise<MemberEntity[]> {
    const em = await this.tx.manager();
    return (
      this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope)
        .andWhere(
          `(m.email = ANY(:emails) OR m.phone = ANY(:phones) OR juntos_fold(m.first_name) || '|' || juntos_fold(m.last_name) = ANY(:names))`,
          keys,
        )
        // Oldest first: where members share a detail (a possible duplicate), planImport gives a
        // row without a name among them to the first.
        .orderBy('m.created_at', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .getMany()
    );
  }

  /** Inserts many members at once (their ids chosen by the caller), in chunks. */
  async insertMany(scope: Scope, rows: (MemberWritable & { id: string })[]): Promise<void> {
    const em = await this.tx.manager();
    for (let i = 0; i < rows.length; i += 1000) {
      await em.insert(
        MemberEntity,
        rows.slice(i, i + 1000).map((r) => ({ ...r, localId: scope.localId })),
      );
    }
  }

  /**
   * Writes the given full state of many existing members in one statement per chunk. A member the
   * row leaves as it was is not written, so an import of the same file again moves no updatedAt.
   */
  async updateMany(scope: Scope, rows: (MemberWritable & { id: string })[]): Promise<void> {
    const em = await this.tx.manager();
    for (let i = 0; i < rows.length; i += 1000) {
      await em.query(
        `update member m set
             workplace_id = v.workplace_id, unit_id = v.unit_id, first_name = v.first_name, last_name = v.last_name,
             preferred_name = v.preferred_name, phone = v.phone, email = v.email, preferred_language = v.preferred_language,
             status = v.status, card_signed_at = v.card_signed_at, tags = v.tags, alert_opt_in = v.alert_opt_in,
             updated_at = now()
           from jsonb_to_recordset($2::jsonb) as v(
             id uuid, workplace_id uuid, unit_id uuid, first_name text, last_name text, preferred_name text, phone text,
             email text, preferred_language text, status text, card_signed_at timestamptz, tags text[],
             alert_opt_in boolean)
           where m.id = v.id and m.local_id = $1
             and (m.workplace_id, m.unit_id, m.first_name, m.last_name, m.preferred_name, m.phone, m.email,
                  m.preferred_language, m.status, m.card_signed_at, m.tags, m.alert_opt_in)
                 is distinct from (v.workplace_id, v.unit_id, v.first_name, v.last_name, v.preferred_name, v.phone,
                  v.email, v.preferred_language, v.status, v.card_signed_at, v.tags, v.alert_opt_in)`,
        [
          scope.localId,
          JSON.stringify(
            rows.slice(i, i + 1000).map((r) => ({
              id: r.id,
              workplace_id: r.workplaceId,
              unit_id: r.unitId,
              first_name: r.firstName,
              last_name: r.lastName,
              preferred_name: r.preferredName,
              phone: r.phone,
              email: r.email,
              preferred_language: r.preferredLanguage,
              status: r.status,
              card_signed_at: r.cardSignedAt,
              tags: r.tags,
              alert_opt_in: r.alertOptIn,
            })),
          ),
        ],
      );
    }
  }

  /** Every member who is not archived, with workplace and unit names, for the CSV export. */
  async exportRows(scope: Scope): Promise<ExportRow[]> {
    const em = await this.tx.manager();
    const raw = await this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope)
      .andWhere('m.archived_at IS NULL')
      .leftJoin(WorkplaceEntity, 'w', 'w.id = m.workplace_id')
      .leftJoin(UnitEntity, 'u', 'u.id = m.unit_id')
      .addSelect('w.name', 'workplace_name')
      .addSelect('u.name', 'unit_name')
      .orderBy('m.last_name', 'ASC')
      .addOrderBy('m.first_name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getRawAndEntities();
    return raw.entities.map((m, i) => ({
      ...m,
      workplaceName: raw.raw[i].workplace_name,
      unitName: raw.raw[i].unit_name,
    }));
  }

  /** By id, for nested fields whose parent the viewer already reads. */
  async findManyInScope(scope: Scope, ids: readonly string[]): Promise<MemberEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope)
      .andWhere('m.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /**
   * Refreshes the planner statistics of the tables an import writes (member, and the dashboard
   * tally its triggers keep). The API's role owns no table, so this goes through a function the
   * migration role owns. In the import's transaction: ANALYZE counts the rows it wrote, and the
   * statistics land when they do.
   */
  async analyzeAfterImport(): Promise<void> {
    const em = await this.tx.manager();
    await em.query('select juntos_analyze_after_import()');
  }

  /**
   * Serializes the writes that set contact details in a local (create, update, import, merge), so
   * two of them cannot both find a detail free and both take it: the database no longer enforces
   * it (see the possible-duplicates migration). Held to the end of the request's transaction.
   */
  async lockContacts(scope: Scope): Promise<void> {
    const em = await this.tx.manager();
    await em.query(`select pg_advisory_xact_lock(hashtextextended('member-contact:' || $1, 0))`, [
      scope.localId,
    ]);
  }

  /**
   * Who else in the whole local has this email or phone. Deliberately not narrowed to a steward's
   * workplaces: the service needs to know a holder exists to flag a possible duplicate, and uses
   * the workplace only to decide whether the writer could see them. Nothing here reaches the caller.
   */
  async contactHolders(
    scope: Scope,
    contact: { email: string | null; phone: string | null },
    exceptId: string | null,
  ): Promise<ContactHolder[]> {
    if (!contact.email && !contact.phone) return [];
    const em = await this.tx.manager();
    const rows: { id: string; workplace_id: string | null; email: boolean; phone: boolean }[] =
      await em.query(
        `select id, workplace_id, coalesce(email = $2, false) as email, coalesce(phone = $3, false) as phone
         from member
        where local_id = $1 and (email = $2 or phone = $3) and id is distinct from $4::uuid
        order by created_at, id`,
        [scope.localId, contact.email, contact.phone, exceptId],
      );
    return rows.map((r) => ({ id: r.id, workplaceId: r.workplace_id, email: r.email, phone: r.phone }));
  }

  /** Flags the pair for an organizer; a pair already flagged gains the newly matched fields. */
  async flagPossibleDuplicate(
    scope: Scope,
    memberId: string,
    otherMemberId: string,
    matched: ('EMAIL' | 'PHONE')[],
  ): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `insert into possible_duplicate (local_id, member_id, other_member_id, matched)
       values ($1, $2, $3, $4::text[])
       on conflict (least(member_id, other_member_id), greatest(member_id, other_member_id)) do update
         set matched = array(select distinct unnest(possible_duplicate.matched || excluded.matched) order by 1)`,
      [scope.localId, memberId, otherMemberId, matched],
    );
  }

  /** The local's flagged pairs, oldest first: a work queue. */
  async possibleDuplicatesPage(scope: Scope, args: PageArgs): Promise<Page<PossibleDuplicateRow>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder()
      .select(['d.id', 'd.local_id', 'd.member_id', 'd.other_member_id', 'd.matched', 'd.created_at'])
      .from('possible_duplicate', 'd')
      .where('d.local_id = :localId', { localId: scope.localId });
    return keysetPage(qb, OLDEST_PAIRS, args, async (q) => (await q.getRawMany()).map(toPossibleDuplicate));
  }

  async findPossibleDuplicate(scope: Scope, id: string): Promise<PossibleDuplicateRow | null> {
    const em = await this.tx.manager();
    const rows: Record<string, unknown>[] = await em.query(
      `select id, local_id, member_id, other_member_id, matched, created_at from possible_duplicate
        where id = $1 and local_id = $2`,
      [id, scope.localId],
    );
    return rows[0] ? toPossibleDuplicate(rows[0]) : null;
  }

  /** The local of a flagged pair, among the given locals only: anything else reads as missing. */
  async localOfPossibleDuplicate(id: string, localIds: readonly string[]): Promise<string | null> {
    if (!localIds.length) return null;
    const em = await this.tx.manager();
    const rows: { local_id: string }[] = await em.query(
      `select local_id from possible_duplicate where id = $1 and local_id = any($2::uuid[])`,
      [id, localIds],
    );
    return rows[0]?.local_id ?? null;
  }

  /**
   * The pair again, locked to the end of the transaction: a merge reads it after taking the
   * local's lock, so one that waited behind another merge, a dismissal or an erasure sees it gone.
   */
  async lockPossibleDuplicate(scope: Scope, id: string): Promise<PossibleDuplicateRow | null> {
    const em = await this.tx.manager();
    const rows: Record<string, unknown>[] = await em.query(
      `select id, local_id, member_id, other_member_id, matched, created_at from possible_duplicate
        where id = $1 and local_id = $2 for update`,
      [id, scope.localId],
    );
    return rows[0] ? toPossibleDuplicate(rows[0]) : null;
  }

  /** False when there was nothing to delete (already merged or dismissed, perhaps a moment ago). */
  async deletePossibleDuplicate(scope: Scope, id: string): Promise<boolean> {
    const em = await this.tx.manager();
    const [{ n }]: { n: number }[] = await em.query(
      `with gone as (delete from possible_duplicate where id = $1 and local_id = $2 returning id)
       select count(*)::int as n from gone`,
      [id, scope.localId],
    );
    return n > 0;
  }

  /**
   * Locks the members' rows to the end of the transaction, in id order so that two writers locking
   * the same members cannot deadlock, and returns the ids that still exist. Callers that also take
   * the local's contact lock take it first.
   */
  async lockMembers(scope: Scope, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `select id from member where local_id = $1 and id = any($2::uuid[]) order by id for update`,
      [scope.localId, [...ids]],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Folds `goneId` into `keptId`: the kept record's values win, its blanks are filled from the
   * other, tags are joined, the assessment and last contact are the later ones. Conversations and
   * signatures move over (a petition both signed keeps one signature), other flagged pairs follow
   * the kept record, and the other record is deleted, with what did not move.
   */
  async merge(scope: Scope, keptId: string, goneId: string): Promise<void> {
    const em = await this.tx.manager();
    const args = [scope.localId, keptId, goneId];
    await em.query(
      `update signature s set member_id = $2 where s.local_id = $1 and s.member_id = $3
          and not exists (select 1 from signature k where k.petition_id = s.petition_id and k.member_id = $2)`,
      args,
    );
    await em.query(`update one_on_one set member_id = $2 where local_id = $1 and member_id = $3`, args);
    // A volunteer stays on the rapid-response roster: their responder row moves to the kept member
    // unless that one is a responder already (the merged-away row then goes with its member).
    await em.query(
      `update responder set member_id = $2, updated_at = now() where local_id = $1 and member_id = $3
          and not exists (select 1 from responder k where k.member_id = $2)`,
      args,
    );
    await em.query(
      `insert into possible_duplicate (local_id, member_id, other_member_id, matched, created_at)
       select local_id, $2, case when member_id = $3 then other_member_id else member_id end, matched, created_at
         from possible_duplicate
        where local_id = $1 and (member_id = $3 or other_member_id = $3)
          and $2 not in (member_id, other_member_id)
       on conflict (least(member_id, other_member_id), greatest(member_id, other_member_id)) do update
         set matched = array(select distinct unnest(possible_duplicate.matched || excluded.matched) order by 1)`,
      args,
    );
    await em.query(
      `update member k set
         preferred_name = coalesce(k.preferred_name, g.preferred_name),
         email = coalesce(k.email, g.email),
         phone = coalesce(k.phone, g.phone),
         preferred_language = coalesce(k.preferred_language, g.preferred_language),
         workplace_id = coalesce(k.workplace_id, g.workplace_id),
         unit_id = case when k.workplace_id is null then g.unit_id else k.unit_id end,
         card_signed_at = least(k.card_signed_at, g.card_signed_at),
         tags = (select coalesce(array_agg(t order by o), '{}') from (
                   select t, min(o) as o from unnest(k.tags || g.tags) with ordinality as x(t, o) group by t
                   order by min(o) limit 20) kept_tags),
         last_contact_at = greatest(k.last_contact_at, g.last_contact_at),
         support_level = case when g.assessed_at > k.assessed_at or (k.assessed_at is null and g.assessed_at is not null)
                              then g.support_level else coalesce(k.support_level, g.support_level) end,
         assessed_at = greatest(k.assessed_at, g.assessed_at),
         -- Consent to alerts given on either record stands.
         alert_opt_in = k.alert_opt_in or g.alert_opt_in,
         updated_at = now()
        from member g
       where k.local_id = $1 and k.id = $2 and g.local_id = $1 and g.id = $3`,
      args,
    );
    await em.query(`delete from member where local_id = $1 and id = $2`, [scope.localId, goneId]);
  }

  /** The local, narrowed to a steward's assigned workplaces. No query here runs without it. */
  private scoped(qb: SelectQueryBuilder<MemberEntity>, scope: Scope): SelectQueryBuilder<MemberEntity> {
    qb.where('m.local_id = :localId', { localId: scope.localId });
    if (scope.workplaceIds !== 'all')
      qb.andWhere('m.workplace_id = ANY(:scopeWorkplaceIds)', { scopeWorkplaceIds: scope.workplaceIds });
    return qb;
  }
}

function toPossibleDuplicate(r: Record<string, unknown>): PossibleDuplicateRow {
  return {
    id: r.id as string,
    localId: r.local_id as string,
    memberId: r.member_id as string,
    otherMemberId: r.other_member_id as string,
    matched: r.matched as PossibleDuplicateRow['matched'],
    createdAt: r.created_at as Date,
  };
}
