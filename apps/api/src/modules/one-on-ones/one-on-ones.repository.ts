import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { Page, PageArgs, pageRequest, pagesPer } from '@juntos/common';
import { Scope } from '@juntos/access';
import { firstChildren, keysetPage, MemberEntity, OneOnOneEntity, TransactionHost, byTime } from '@juntos/db';

export type NewOneOnOne = Pick<
  OneOnOneEntity,
  | 'id'
  | 'memberId'
  | 'stewardId'
  | 'occurredAt'
  | 'channel'
  | 'supportLevel'
  | 'issues'
  | 'notes'
  | 'nextStep'
  | 'followUpAt'
>;

export interface OneOnOneQuery {
  memberId?: string;
  stewardId?: string;
  workplaceId?: string;
  since?: Date;
  followUpDue?: boolean;
}

const NEWEST = byTime<OneOnOneEntity>('o.occurred_at', 'o.id', (o) => o.occurredAt, 'DESC');

@Injectable()
export class OneOnOnesRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(scope: Scope, row: NewOneOnOne): Promise<OneOnOneEntity> {
    const em = await this.tx.manager();
    // insert, not save: the id is given, and save would first look it up.
    const entity = em.create(OneOnOneEntity, { ...row, localId: scope.localId });
    await em.insert(OneOnOneEntity, entity);
    return entity;
  }

  async findInScope(scope: Scope, id: string): Promise<OneOnOneEntity | null> {
    const em = await this.tx.manager();
    return this.scoped(em.createQueryBuilder(OneOnOneEntity, 'o'), scope)
      .andWhere('o.id = :id', { id })
      .getOne();
  }

  /** Newest first, with the total for the filter. */
  async page(scope: Scope, q: OneOnOneQuery, args: PageArgs): Promise<Page<OneOnOneEntity>> {
    const em = await this.tx.manager();
    const qb = this.scoped(em.createQueryBuilder(OneOnOneEntity, 'o'), scope);
    if (q.memberId) qb.andWhere('o.member_id = :memberId', { memberId: q.memberId });
    if (q.stewardId) qb.andWhere('o.steward_id = :stewardId', { stewardId: q.stewardId });
    if (q.workplaceId) qb.andWhere('m.workplace_id = :workplaceId', { workplaceId: q.workplaceId });
    if (q.since) qb.andWhere('o.occurred_at >= :since', { since: q.since });
    if (q.followUpDue === true) qb.andWhere('o.follow_up_done_at IS NULL AND o.follow_up_at <= now()');
    if (q.followUpDue === false)
      qb.andWhere('NOT (o.follow_up_done_at IS NULL AND coalesce(o.follow_up_at <= now(), false))');
    return keysetPage(qb, NEWEST, args);
  }

  /**
   * The first page of each member's conversations, newest first, with each member's total: two
   * statements for a whole page of members, whatever its size (Member.oneOnOnes on a list).
   */
  async firstPages(
    scope: Scope,
    memberIds: readonly string[],
    first: number | null | undefined,
  ): Promise<Page<OneOnOneEntity>[]> {
    const { size } = pageRequest({ first }, NEWEST.shape);
    const em = await this.tx.manager();
    const { rows: raw, totals } = await firstChildren<Record<string, unknown>>(
      em,
      {
        table: 'one_on_one',
        alias: 'o',
        parent: 'member_id',
        order: 'o.occurred_at desc, o.id desc',
        memberScoped: true,
      },
      'o.*',
      scope,
      memberIds,
      size,
    );
    const rows = raw.map((r) =>
      em.create(OneOnOneEntity, {
        id: r.id as string,
        localId: r.local_id as string,
        memberId: r.member_id as string,
        stewardId: r.steward_id as string,
        occurredAt: r.occurred_at as Date,
        channel: r.channel as OneOnOneEntity['channel'],
        supportLevel: r.support_level as number | null,
        issues: r.issues as string[],
        notes: r.notes as string | null,
        nextStep: r.next_step as string | null,
        followUpAt: r.follow_up_at as Date | null,
        followUpDoneAt: r.follow_up_done_at as Date | null,
        createdAt: r.created_at as Date,
        updatedAt: r.updated_at as Date,
      }),
    );
    return pagesPer(memberIds, rows, (o) => o.memberId, totals, size, NEWEST.key);
  }

  /** A steward's open follow-ups, soonest first. */
  async openFollowUps(
    scope: Scope,
    stewardId: string,
    dueBefore: Date | null,
    limit: number,
  ): Promise<OneOnOneEntity[]> {
    const em = await this.tx.manager();
    const qb = this.scoped(em.createQueryBuilder(OneOnOneEntity, 'o'), scope).andWhere(
      'o.steward_id = :stewardId AND o.follow_up_done_at IS NULL AND o.follow_up_at IS NOT NULL',
      { stewardId },
    );
    if (dueBefore) qb.andWhere('o.follow_up_at <= :dueBefore', { dueBefore });
    return qb.orderBy('o.follow_up_at', 'ASC').addOrderBy('o.id', 'ASC').take(limit).getMany();
  }

  /**
   * The issues raised in the scope's conversations since `since`, most raised first, ties
   * alphabetical: one statement, the issues unnested from the scoped conversations and counted.
   */
  async recentIssues(scope: Scope, since: Date, limit: number): Promise<string[]> {
    const em = await this.tx.manager();
    const rows: { issue: string }[] = await em
      .createQueryBuilder()
      .select('i.issue', 'issue')
      .from(
        (sub) =>
          this.scoped(sub.select('unnest(o.issues)', 'issue').from(OneOnOneEntity, 'o'), scope).andWhere(
            'o.occurred_at >= :since',
            { since },
          ),
        'i',
      )
      .groupBy('i.issue')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('i.issue', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((r) => r.issue);
  }

  async completeFollowUp(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em
      .createQueryBuilder()
      .update(OneOnOneEntity)
      .set({ followUpDoneAt: () => 'now()' })
      .where('id = :id AND local_id = :localId AND follow_up_done_at IS NULL', { id, localId: scope.localId })
      .execute();
  }

  /** The local, and a steward's assigned workplaces through the member. No query runs without it. */
  private scoped(qb: SelectQueryBuilder<OneOnOneEntity>, scope: Scope): SelectQueryBuilder<OneOnOneEntity> {
    qb.innerJoin(MemberEntity, 'm', 'm.id = o.member_id AND m.local_id = o.local_id').where(
      'o.local_id = :localId',
      {
        localId: scope.localId,
      },
    );
    if (scope.workplaceIds !== 'all')
      qb.andWhere('m.workplace_id = ANY(:scopeWorkplaceIds)', { scopeWorkplaceIds: scope.workplaceIds });
    return qb;
  }
}
