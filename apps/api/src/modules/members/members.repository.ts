import { Injectable } from '@nestjs/common';
import { In, SelectQueryBuilder } from 'typeorm';
import { conflict, KeysetCursor, MembershipStatus } from '@juntos/common';
import { Scope } from '@juntos/access';
import { MemberEntity, TransactionHost, UnitEntity, WorkplaceEntity } from '@juntos/db';
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
>;

export interface MemberQuery {
  workplaceId?: string;
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

const CONTACT_KEYS: Record<string, [string, string]> = {
  member_local_email_key: ['email', 'Another member of this local already has this email.'],
  member_local_phone_key: ['phone', 'Another member of this local already has this phone number.'],
};

/** A unique violation on a contact detail is the caller's CONFLICT, naming the field. */
function asConflict(e: unknown): unknown {
  const driver = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  const known = driver?.code === '23505' && driver.constraint ? CONTACT_KEYS[driver.constraint] : undefined;
  return known ? conflict(known[1], known[0]) : e;
}

/** The text search matches: names, email and phone, folded to lowercase without accents. */
const SEARCH_TEXT = `juntos_fold(m.first_name || ' ' || m.last_name || ' ' || coalesce(m.preferred_name, '') || ' ' || coalesce(m.email, '') || ' ' || coalesce(m.phone, ''))`;

@Injectable()
export class MembersRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(scope: Scope, fields: MemberWritable): Promise<MemberEntity> {
    const em = await this.tx.manager();
    try {
      return await em.save(em.create(MemberEntity, { ...fields, localId: scope.localId }));
    } catch (e) {
      throw asConflict(e);
    }
  }

  async update(
    scope: Scope,
    id: string,
    patch: Partial<MemberWritable> & { archivedAt?: Date },
  ): Promise<void> {
    if (!Object.keys(patch).length) return;
    const em = await this.tx.manager();
    try {
      await em.update(MemberEntity, { id, localId: scope.localId }, patch);
    } catch (e) {
      throw asConflict(e);
    }
  }

  async findInScope(scope: Scope, id: string): Promise<MemberEntity | null> {
    const qb = this.scoped(
      await this.tx.manager().then((em) => em.createQueryBuilder(MemberEntity, 'm')),
      scope,
    );
    return qb.andWhere('m.id = :id', { id }).getOne();
  }

  /** A page ordered by last name, first name and id, with the total matching the filter. */
  async page(
    scope: Scope,
    q: MemberQuery,
    limit: number,
    after: KeysetCursor | null,
  ): Promise<{ rows: MemberEntity[]; total: number }> {
    const em = await this.tx.manager();
    const qb = this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope);
    if (!q.includeArchived) qb.andWhere('m.archived_at IS NULL');
    if (q.workplaceId) qb.andWhere('m.workplace_id = :workplaceId', { workplaceId: q.workplaceId });
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
    const total = await qb.getCount();
    if (after) {
      qb.andWhere('(m.last_name, m.first_name, m.id) > (:last, :first, :id)', {
        last: after[0],
        first: after[1],
        id: after[2],
      });
    }
    const rows = await qb
      .orderBy('m.last_name', 'ASC')
      .addOrderBy('m.first_name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(limit)
      .getMany();
    return { rows, total };
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

  async delete(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.delete(MemberEntity, { id, localId: scope.localId });
  }

  /** Existing members an import row could match: by email, phone, or folded first and last name. */
  async findMatchCandidates(
    scope: Scope,
    keys: { emails: string[]; phones: string[]; names: string[] },
  ): Promise<MemberEntity[]> {
    const em = await this.tx.manager();
    return this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope)
      .andWhere(
        `(m.email = ANY(:emails) OR m.phone = ANY(:phones) OR juntos_fold(m.first_name) || '|' || juntos_fold(m.last_name) = ANY(:names))`,
        keys,
      )
      .getMany();
  }

  /** Inserts many members at once (their ids chosen by the caller), in chunks. */
  async insertMany(scope: Scope, rows: (MemberWritable & { id: string })[]): Promise<void> {
    const em = await this.tx.manager();
    try {
      for (let i = 0; i < rows.length; i += 1000) {
        await em.insert(
          MemberEntity,
          rows.slice(i, i + 1000).map((r) => ({ ...r, localId: scope.localId })),
        );
      }
    } catch (e) {
      throw asConflict(e);
    }
  }

  /** Writes the given full state of many existing members in one statement per chunk. */
  async updateMany(scope: Scope, rows: (MemberWritable & { id: string })[]): Promise<void> {
    const em = await this.tx.manager();
    try {
      for (let i = 0; i < rows.length; i += 1000) {
        await em.query(
          `update member m set
             workplace_id = v.workplace_id, unit_id = v.unit_id, first_name = v.first_name, last_name = v.last_name,
             preferred_name = v.preferred_name, phone = v.phone, email = v.email, preferred_language = v.preferred_language,
             status = v.status, card_signed_at = v.card_signed_at, tags = v.tags, updated_at = now()
           from jsonb_to_recordset($2::jsonb) as v(
             id uuid, workplace_id uuid, unit_id uuid, first_name text, last_name text, preferred_name text, phone text,
             email text, preferred_language text, status text, card_signed_at timestamptz, tags text[])
           where m.id = v.id and m.local_id = $1`,
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
              })),
            ),
          ],
        );
      }
    } catch (e) {
      throw asConflict(e);
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
  async findByIds(ids: readonly string[]): Promise<MemberEntity[]> {
    const em = await this.tx.manager();
    return em.find(MemberEntity, { where: { id: In([...ids]) } });
  }

  async findManyInScope(scope: Scope, ids: readonly string[]): Promise<MemberEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return this.scoped(em.createQueryBuilder(MemberEntity, 'm'), scope)
      .andWhere('m.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /** The local, narrowed to a steward's assigned workplaces. No query here runs without it. */
  private scoped(qb: SelectQueryBuilder<MemberEntity>, scope: Scope): SelectQueryBuilder<MemberEntity> {
    qb.where('m.local_id = :localId', { localId: scope.localId });
    if (scope.workplaceIds !== 'all')
      qb.andWhere('m.workplace_id = ANY(:scopeWorkplaceIds)', { scopeWorkplaceIds: scope.workplaceIds });
    return qb;
  }
}
