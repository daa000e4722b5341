import { Injectable } from '@nestjs/common';
import { In, SelectQueryBuilder } from 'typeorm';
import { Page, PageArgs, pageRequest, pagesPer, PetitionStatus, SignatureMethod } from '@juntos/common';
import { Scope } from '@juntos/access';
import {
  firstChildren,
  keysetPage,
  MemberEntity,
  PetitionEntity,
  SignatureEntity,
  TransactionHost,
  byTime,
} from '@juntos/db';

export interface UnitTallyRow {
  petitionId: string;
  unitId: string;
  unitName: string;
  members: number;
  signed: number;
}

/** Signatures per petition ($1: the petitions' ids), summed over the tally's shards. */
export const SIGNATURE_COUNTS_SQL =
  'select petition_id, sum(n)::int as n from signature_tally where petition_id = any($1::uuid[]) group by petition_id';

/** A signature's columns under its entity's property names, for raw SQL that returns one. */
const SIGNATURE_COLUMNS = `id, local_id as "localId", petition_id as "petitionId", member_id as "memberId",
  collected_by as "collectedBy", method, signed_at as "signedAt", created_at as "createdAt"`;

const NEWEST_PETITIONS = byTime<PetitionEntity>('p.created_at', 'p.id', (p) => p.createdAt, 'DESC');

/** What a list of signatures hangs off: a petition (who signed) or a member (what they signed). */
type SignatureParent = 'petition' | 'member';

const NEWEST_SIGNATURES = byTime<SignatureEntity>('s.signed_at', 's.id', (s) => s.signedAt, 'DESC');

@Injectable()
export class PetitionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    row: Pick<PetitionEntity, 'workplaceId' | 'title' | 'demand' | 'target' | 'goal' | 'deadline'>,
  ): Promise<PetitionEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(PetitionEntity, { ...row, localId: scope.localId }));
  }

  /** Moves the status only if it is still `from`: two concurrent moves cannot both apply. */
  async move(
    scope: Scope,
    id: string,
    from: PetitionStatus,
    to: PetitionStatus,
    stamp?: 'opened_at' | 'delivered_at',
  ): Promise<boolean> {
    const em = await this.tx.manager();
    const res = await em.query(
      `update petition set status = $3, updated_at = now()${stamp ? `, ${stamp} = coalesce(${stamp}, now())` : ''}
        where id = $1 and local_id = $2 and status = $4`,
      [id, scope.localId, to, from],
    );
    return (res[1] ?? 0) === 1;
  }

  /** Petitions are read local-wide by every role of the local (PERMISSIONS.md). */
  async find(scope: Scope, id: string): Promise<PetitionEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(PetitionEntity, { where: { id, localId: scope.localId } });
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<PetitionEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(PetitionEntity, { where: { id: In([...ids]), localId: scope.localId } });
  }

  /** Newest first. */
  async page(
    scope: Scope,
    status: PetitionStatus | undefined,
    args: PageArgs,
  ): Promise<Page<PetitionEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(PetitionEntity, 'p')
      .where('p.local_id = :localId', { localId: scope.localId });
    if (status) qb.andWhere('p.status = :status', { status });
    return keysetPage(qb, NEWEST_PETITIONS, args);
  }

  /**
   * Signature counts for many petitions in one statement, from signature_tally: kept exact by a
   * trigger in the signing transaction, so a drive of 60,000 signatures is not recounted per view.
   */
  async signatureCounts(scope: Scope, petitionIds: readonly string[]): Promise<Map<string, number>> {
    const em = await this.tx.manager();
    const rows: { petition_id: string; n: number }[] = await em.query(
      `select petition_id, sum(n)::int as n from signature_tally
        where petition_id = any($1::uuid[]) and local_id = $2 group by petition_id`,
      [petitionIds, scope.localId],
    );
    return new Map(rows.map((r) => [r.petition_id, r.n]));
  }

  /**
   * For workplace petitions: each unit's members (not archived) and how many of them signed, in
   * one statement for many petitions. Only petitions whose workplace the scope reaches: units
   * and their counts are the workplace's data.
   */
  async unitTallies(scope: Scope, petitionIds: readonly string[]): Promise<UnitTallyRow[]> {
    if (!petitionIds.length) return [];
    const em = await this.tx.manager();
    const rows: {
      petition_id: string;
      unit_id: string;
      unit_name: string;
      members: number;
      signed: number;
    }[] = await em.query(
      `select p.id as petition_id, u.id as unit_id, u.name as unit_name,
                count(m.id)::int as members,
                count(s.id)::int as signed
           from petition p
           join unit u on u.workplace_id = p.workplace_id and u.local_id = p.local_id
           left join member m on m.unit_id = u.id and m.local_id = u.local_id and m.archived_at is null
           left join signature s on s.member_id = m.id and s.petition_id = p.id
          where p.id = any($1::uuid[]) and p.local_id = $2
            and ($3::uuid[] is null or p.workplace_id = any($3::uuid[]))
          group by p.id, u.id, u.name
          order by u.name, u.id`,
      [petitionIds, scope.localId, scope.workplaceIds === 'all' ? null : scope.workplaceIds],
    );
    return rows.map((r) => ({
      petitionId: r.petition_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      members: r.members,
      signed: r.signed,
    }));
  }

  /**
   * Signs once, and only while the petition is OPEN, in one statement: the petition row is read
   * FOR SHARE with its status, then insert … on conflict do nothing on (petition, member) and read
   * the one row. Twenty simultaneous calls make one signature and give all twenty the same answer.
   * The share lock orders signing against a status move (an UPDATE of that row): a close waits for
   * the signatures already under way, and a signature started after it sees the new status.
   * Null when the petition is no longer OPEN.
   */
  async sign(
    scope: Scope,
    s: {
      petitionId: string;
      memberId: string;
      collectedBy: string;
      method: SignatureMethod;
      signedAt: Date | null;
    },
  ): Promise<SignatureEntity | null> {
    const em = await this.tx.manager();
    // The new row, or the one already there, in one round trip.
    const [row]: (Partial<SignatureEntity> & { petitionOpen: boolean })[] = await em.query(
      `with open as (
         select id from petition where id = $2::uuid and local_id = $1::uuid and status = 'OPEN' for share),
       added as (
         insert into signature (local_id, petition_id, member_id, collected_by, method, signed_at)
         select $1::uuid, open.id, $3::uuid, $4::uuid, $5::text, coalesce($6::timestamptz, now()) from open
         on conflict (petition_id, member_id) do nothing
         returning ${SIGNATURE_COLUMNS}),
       found as (
         select * from added
         union all
         select ${SIGNATURE_COLUMNS}
           from signature where petition_id = $2 and member_id = $3 and local_id = $1
            and exists (select from open) and not exists (select from added))
       select exists (select from open) as "petitionOpen", found.* from (select) one left join found on true`,
      [scope.localId, s.petitionId, s.memberId, s.collectedBy, s.method, s.signedAt],
    );
    if (!row.petitionOpen) return null;
    const { petitionOpen: _, ...signature } = row;
    if (signature.id) return Object.assign(new SignatureEntity(), signature);
    // A concurrent signer committed the same signature after this statement's snapshot: read it now.
    return em.findOneOrFail(SignatureEntity, {
      where: { petitionId: s.petitionId, memberId: s.memberId, localId: scope.localId },
    });
  }

  async findSignature(scope: Scope, id: string): Promise<SignatureEntity | null> {
    const em = await this.tx.manager();
    return this.signaturesIn(em.createQueryBuilder(SignatureEntity, 's'), scope)
      .andWhere('s.id = :id', { id })
      .getOne();
  }

  /**
   * Deletes a signature only while its petition is OPEN, under the same share lock as sign(), so
   * a count a close reported never changes afterwards. False when the petition is not OPEN (or the
   * signature is already gone).
   */
  async deleteSignature(scope: Scope, id: string): Promise<boolean> {
    const em = await this.tx.manager();
    const [row]: { removable: boolean }[] = await em.query(
      `with open as (
         select p.id from petition p join signature s on s.petition_id = p.id and s.local_id = p.local_id
          where s.id = $1 and p.local_id = $2 and p.status = 'OPEN' for share of p),
       removed as (
         delete from signature where id = $1 and local_id = $2 and petition_id in (select id from open))
       select exists (select from open) as removable`,
      [id, scope.localId],
    );
    return row.removable;
  }

  /** Who signed, newest first; a steward sees their assigned workplaces' members only. */
  signaturePage(scope: Scope, petitionId: string, args: PageArgs): Promise<Page<SignatureEntity>> {
    return this.signaturesBy(scope, 'petition', petitionId, args);
  }

  /** What a member signed, newest first: within the scope, as Petition.signatures reads it. */
  memberSignaturePage(scope: Scope, memberId: string, args: PageArgs): Promise<Page<SignatureEntity>> {
    return this.signaturesBy(scope, 'member', memberId, args);
  }

  /**
   * The first page of each petition's signatures, newest first, with each one's total within the
   * scope: two statements for a whole list of petitions (Petition.signatures on a list).
   */
  firstSignaturePages(
    scope: Scope,
    petitionIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<SignatureEntity>[]> {
    return this.firstSignaturesBy(scope, 'petition', petitionIds, first);
  }

  /** The same for members' signatures (Member.signatures on a list of members). */
  firstMemberSignaturePages(
    scope: Scope,
    memberIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<SignatureEntity>[]> {
    return this.firstSignaturesBy(scope, 'member', memberIds, first);
  }

  private async signaturesBy(
    scope: Scope,
    parent: SignatureParent,
    id: string,
    args: PageArgs,
  ): Promise<Page<SignatureEntity>> {
    const em = await this.tx.manager();
    const qb = this.signaturesIn(em.createQueryBuilder(SignatureEntity, 's'), scope).andWhere(
      `s.${parent}_id = :id`,
      { id },
    );
    return keysetPage(qb, NEWEST_SIGNATURES, args);
  }

  private async firstSignaturesBy(
    scope: Scope,
    parent: SignatureParent,
    ids: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<SignatureEntity>[]> {
    const { size } = pageRequest({ first }, NEWEST_SIGNATURES.shape);
    const em = await this.tx.manager();
    const { rows, totals } = await firstChildren<Partial<SignatureEntity>>(
      em,
      {
        table: 'signature',
        alias: 's',
        parent: `${parent}_id`,
        order: 's.signed_at desc, s.id desc',
        memberScoped: true,
      },
      SIGNATURE_COLUMNS,
      scope,
      ids,
      size,
    );
    return pagesPer(
      ids,
      rows.map((r) => Object.assign(new SignatureEntity(), r)),
      (s) => (parent === 'petition' ? s.petitionId : s.memberId),
      totals,
      size,
      NEWEST_SIGNATURES.key,
    );
  }

  private signaturesIn(
    qb: SelectQueryBuilder<SignatureEntity>,
    scope: Scope,
  ): SelectQueryBuilder<SignatureEntity> {
    qb.innerJoin(MemberEntity, 'm', 'm.id = s.member_id AND m.local_id = s.local_id').where(
      's.local_id = :localId',
      { localId: scope.localId },
    );
    if (scope.workplaceIds !== 'all')
      qb.andWhere('m.workplace_id = ANY(:scopeWorkplaceIds)', { scopeWorkplaceIds: scope.workplaceIds });
    return qb;
  }
}
