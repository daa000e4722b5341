import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Page, PageArgs, pageRequest, pagesPer } from '@juntos/common';
import { Scope } from '@juntos/access';
import { byTime, firstChildren, keysetPage, TransactionHost, uniqueConflict } from '@juntos/db';
import {
  CommitteeContactEntity,
  CommitteeEntity,
  CommitteeKind,
  CommitteeMembershipEntity,
  CommitteeRole,
} from './committee.entity';

export interface CommitteeFilterArgs {
  kind?: CommitteeKind | null;
  workplaceId?: string | null;
}

/** A committee's reach: members of its workplace (or local), those with a contact on it, its seats. */
export interface CommitteeReach {
  committeeId: string;
  members: number;
  covered: number;
  seats: number;
}

const OLDEST = byTime<CommitteeEntity>('c.created_at', 'c.id', (c) => c.createdAt, 'ASC');
const SEATS = byTime<CommitteeMembershipEntity>('s.created_at', 's.id', (s) => s.createdAt, 'ASC');
const CONTACTS = byTime<CommitteeContactEntity>('k.created_at', 'k.id', (k) => k.createdAt, 'ASC');

const MEMBERSHIP_COLUMNS = `id, local_id as "localId", committee_id as "committeeId", member_id as "memberId",
  role, unit_id as "unitId", created_at as "createdAt"`;

/**
 * Reach of many committees in one statement ($1: ids, $2: local). Members not archived of the
 * committee's workplace (or of the local, for a committee without one); those of them with a
 * contact on the committee; its seats.
 */
export const COMMITTEE_REACH_SQL = `select c.id as committee_id,
    (select count(*) from member m where m.local_id = c.local_id and m.archived_at is null
        and (c.workplace_id is null or m.workplace_id = c.workplace_id))::int as members,
    (select count(*) from committee_contact k join member m on m.id = k.member_id and m.local_id = k.local_id
      where k.committee_id = c.id and k.local_id = c.local_id and m.archived_at is null
        and (c.workplace_id is null or m.workplace_id = c.workplace_id))::int as covered,
    (select count(*) from committee_membership s where s.committee_id = c.id and s.local_id = c.local_id)::int as seats
   from committee c where c.id = any($1::uuid[]) and c.local_id = $2`;

/** Per workplace, its members (not archived) with a contact on any of its committees not archived ($1: local). */
export const COMMITTEE_COVERAGE_SQL = `select m.workplace_id, count(*)::int as n
   from member m
  where m.local_id = $1 and m.archived_at is null and m.workplace_id is not null
    and exists (
      select from committee_contact k join committee c on c.id = k.committee_id and c.local_id = k.local_id
       where k.member_id = m.id and k.local_id = $1 and c.workplace_id = m.workplace_id and c.archived_at is null)
  group by m.workplace_id`;

/** A seat's columns over the alias `s`, for the first pages of many parents' seats. */
const SEAT_COLUMNS = `s.id, s.local_id as "localId", s.committee_id as "committeeId", s.member_id as "memberId",
  s.role, s.unit_id as "unitId", s.created_at as "createdAt"`;

const toMembership = (r: Partial<CommitteeMembershipEntity>) =>
  Object.assign(new CommitteeMembershipEntity(), r);
const toContact = (r: Partial<CommitteeContactEntity>) => Object.assign(new CommitteeContactEntity(), r);

@Injectable()
export class CommitteesRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    fields: Pick<CommitteeEntity, 'workplaceId' | 'kind' | 'name'>,
  ): Promise<CommitteeEntity> {
    const em = await this.tx.manager();
    try {
      return await em.save(em.create(CommitteeEntity, { ...fields, localId: scope.localId }));
    } catch (e) {
      throw (
        uniqueConflict(e, {
          committee_local_name_key: { message: 'A committee of that name exists.', field: 'name' },
        }) ?? e
      );
    }
  }

  /** Idempotent; waits for writes holding the committee row FOR SHARE. */
  async archive(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `update committee set archived_at = coalesce(archived_at, now()), updated_at = now()
        where id = $1 and local_id = $2`,
      [id, scope.localId],
    );
  }

  /**
   * Reads the committee FOR SHARE while it is not archived, so an archive waits for the write that
   * holds it, and a write after an archive sees it archived. Null when archived.
   */
  async holdOpen(scope: Scope, id: string): Promise<{ id: string } | null> {
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `select id from committee where id = $1 and local_id = $2 and archived_at is null for share`,
      [id, scope.localId],
    );
    return rows[0] ?? null;
  }

  /** Within the scope: a steward's only for their assigned workplaces. */
  async find(scope: Scope, id: string): Promise<CommitteeEntity | null> {
    return (await this.findMany(scope, [id]))[0] ?? null;
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<CommitteeEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CommitteeEntity, 'c')
      .where('c.local_id = :l AND c.id IN (:...ids)', { l: scope.localId, ids: [...ids] });
    if (scope.workplaceIds !== 'all') qb.andWhere('c.workplace_id = ANY(:w)', { w: scope.workplaceIds });
    return qb.getMany();
  }

  /** Oldest first, archived ones included. */
  async page(scope: Scope, filter: CommitteeFilterArgs, args: PageArgs): Promise<Page<CommitteeEntity>> {
    const em = await this.tx.manager();
    const qb = em.createQueryBuilder(CommitteeEntity, 'c').where('c.local_id = :l', { l: scope.localId });
    if (scope.workplaceIds !== 'all') qb.andWhere('c.workplace_id = ANY(:w)', { w: scope.workplaceIds });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.workplaceId) qb.andWhere('c.workplace_id = :wid', { wid: filter.workplaceId });
    return keysetPage(qb, OLDEST, args);
  }

  async reach(scope: Scope, committeeIds: readonly string[]): Promise<CommitteeReach[]> {
    const em = await this.tx.manager();
    const rows: { committee_id: string; members: number; covered: number; seats: number }[] = await em.query(
      COMMITTEE_REACH_SQL,
      [committeeIds, scope.localId],
    );
    return rows.map((r) => ({
      committeeId: r.committee_id,
      members: r.members,
      covered: r.covered,
      seats: r.seats,
    }));
  }

  async coverageByWorkplace(scope: Scope): Promise<Map<string, number>> {
    const em = await this.tx.manager();
    const rows: { workplace_id: string; n: number }[] = await em.query(COMMITTEE_COVERAGE_SQL, [
      scope.localId,
    ]);
    return new Map(rows.map((r) => [r.workplace_id, r.n]));
  }

  /** One seat per member and committee: null when the member already sits on it. */
  async addMember(
    scope: Scope,
    r: { committeeId: string; memberId: string; role: CommitteeRole; unitId: string | null },
  ): Promise<CommitteeMembershipEntity | null> {
    const em = await this.tx.manager();
    const rows: Partial<CommitteeMembershipEntity>[] = await em.query(
      `insert into committee_membership (local_id, committee_id, member_id, role, unit_id)
       values ($1, $2, $3, $4, $5)
       on conflict (committee_id, member_id) do nothing
       returning ${MEMBERSHIP_COLUMNS}`,
      [scope.localId, r.committeeId, r.memberId, r.role, r.unitId],
    );
    return rows.length ? toMembership(rows[0]) : null;
  }

  async findMembership(scope: Scope, id: string): Promise<CommitteeMembershipEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(CommitteeMembershipEntity, { where: { id, localId: scope.localId } });
  }

  async findMemberships(scope: Scope, ids: readonly string[]): Promise<CommitteeMembershipEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(CommitteeMembershipEntity, { where: { id: In([...ids]), localId: scope.localId } });
  }

  /** Deletes the seat; its contact rows go with it (cascade), so those members are free again. */
  async removeMember(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(`delete from committee_membership where id = $1 and local_id = $2`, [id, scope.localId]);
  }

  /**
   * Gives the seat these members as contacts, in one statement: a member with a contact on the
   * committee moves to this seat (one contact per member and committee). Concurrent calls for the
   * same members leave one row each.
   */
  async assignContacts(
    scope: Scope,
    r: { committeeId: string; membershipId: string; memberIds: readonly string[] },
  ): Promise<number> {
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `insert into committee_contact (local_id, committee_id, membership_id, member_id)
       select $1::uuid, $2::uuid, $3::uuid, m.id from (select distinct unnest($4::uuid[]) as id) m order by m.id
       on conflict (committee_id, member_id) do update set membership_id = excluded.membership_id
       returning id`,
      [scope.localId, r.committeeId, r.membershipId, r.memberIds],
    );
    return rows.length;
  }

  async membershipPage(
    scope: Scope,
    committeeId: string,
    args: PageArgs,
  ): Promise<Page<CommitteeMembershipEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CommitteeMembershipEntity, 's')
      .where('s.local_id = :l AND s.committee_id = :c', { l: scope.localId, c: committeeId });
    return keysetPage(qb, SEATS, args);
  }

  /**
   * A member's seats, oldest first, on committees within the scope: a steward's only on committees
   * of their assigned workplaces, as `committee(id)` shows them.
   */
  async memberSeatPage(
    scope: Scope,
    memberId: string,
    args: PageArgs,
  ): Promise<Page<CommitteeMembershipEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CommitteeMembershipEntity, 's')
      .innerJoin(CommitteeEntity, 'r', 'r.id = s.committee_id AND r.local_id = s.local_id')
      .where('s.local_id = :l AND s.member_id = :m', { l: scope.localId, m: memberId });
    if (scope.workplaceIds !== 'all') qb.andWhere('r.workplace_id = ANY(:w)', { w: scope.workplaceIds });
    return keysetPage(qb, SEATS, args);
  }

  /** The seat's contacts, in the order assigned; a steward's only among their workplaces' members. */
  async contactPage(
    scope: Scope,
    membershipId: string,
    args: PageArgs,
  ): Promise<Page<CommitteeContactEntity>> {
    const em = await this.tx.manager();
    const qb = em
      .createQueryBuilder(CommitteeContactEntity, 'k')
      .innerJoin('member', 'm', 'm.id = k.member_id AND m.local_id = k.local_id')
      .where('k.local_id = :l AND k.membership_id = :s', { l: scope.localId, s: membershipId });
    if (scope.workplaceIds !== 'all') qb.andWhere('m.workplace_id = ANY(:w)', { w: scope.workplaceIds });
    return keysetPage(qb, CONTACTS, args);
  }

  /** Contacts per seat, for many seats in one statement. */
  async contactCounts(scope: Scope, membershipIds: readonly string[]): Promise<Map<string, number>> {
    const em = await this.tx.manager();
    const rows: { membership_id: string; n: number }[] = await em.query(
      `select membership_id, count(*)::int as n from committee_contact
        where membership_id = any($1::uuid[]) and local_id = $2 group by membership_id`,
      [membershipIds, scope.localId],
    );
    return new Map(rows.map((r) => [r.membership_id, r.n]));
  }

  /** The first page of each committee's seats, with totals: two statements for a list of committees. */
  firstMembershipPages(
    scope: Scope,
    committeeIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<CommitteeMembershipEntity>[]> {
    return this.firstSeatsBy(scope, 'committee', committeeIds, first);
  }

  /** The first page of each member's seats (as memberSeatPage), with totals: two statements for a list of members. */
  firstMemberSeatPages(
    scope: Scope,
    memberIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<CommitteeMembershipEntity>[]> {
    return this.firstSeatsBy(scope, 'member', memberIds, first);
  }

  /**
   * A committee's seats are bounded by the committee, which its own read already scoped; a
   * member's are read only on committees of the scope's workplaces, as `committee(id)` shows them.
   */
  private async firstSeatsBy(
    scope: Scope,
    parent: 'committee' | 'member',
    ids: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<CommitteeMembershipEntity>[]> {
    const { size } = pageRequest({ first }, SEATS.shape);
    const em = await this.tx.manager();
    const { rows, totals } = await firstChildren<Partial<CommitteeMembershipEntity>>(
      em,
      {
        table: 'committee_membership',
        alias: 's',
        parent: `${parent}_id`,
        order: 's.created_at, s.id',
        memberScoped: false,
        reachedThrough:
          parent === 'member'
            ? 'join committee r on r.id = s.committee_id and r.local_id = s.local_id'
            : undefined,
      },
      SEAT_COLUMNS,
      scope,
      ids,
      size,
    );
    const parentOf = (r: CommitteeMembershipEntity) => (parent === 'committee' ? r.committeeId : r.memberId);
    return pagesPer(ids, rows.map(toMembership), parentOf, totals, size, SEATS.key);
  }

  /** The first page of each seat's contacts, with totals: two statements for a list of seats. */
  async firstContactPages(
    scope: Scope,
    membershipIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<CommitteeContactEntity>[]> {
    const { size } = pageRequest({ first }, CONTACTS.shape);
    const em = await this.tx.manager();
    const { rows, totals } = await firstChildren<Partial<CommitteeContactEntity>>(
      em,
      {
        table: 'committee_contact',
        alias: 'k',
        parent: 'membership_id',
        order: 'k.created_at, k.id',
        memberScoped: true,
      },
      `k.id, k.local_id as "localId", k.committee_id as "committeeId", k.membership_id as "membershipId",
       k.member_id as "memberId", k.created_at as "createdAt"`,
      scope,
      membershipIds,
      size,
    );
    return pagesPer(membershipIds, rows.map(toContact), (r) => r.membershipId, totals, size, CONTACTS.key);
  }
}
