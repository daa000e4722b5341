import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Page, PageArgs } from '@juntos/common';
import { Scope } from '@juntos/access';
import { byTime, keysetPage, TransactionHost } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';
import { IncidentEntity, IncidentStatus, VerificationEntity } from './rapid-response.entity';

const NEWEST = byTime<IncidentEntity>('i.reported_at', 'i.id', (i) => i.reportedAt, 'DESC');

/** Incidents and their verifications. Every reader of incidents reaches the whole local. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    fields: Pick<
      IncidentEntity,
      'id' | 'workplaceId' | 'kind' | 'location' | 'details' | 'reportedAt' | 'expiresAt'
    >,
  ): Promise<IncidentEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(IncidentEntity, { ...fields, localId: scope.localId }));
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<IncidentEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(IncidentEntity, { where: { id: In([...ids]), localId: scope.localId } });
  }

  async find(scope: Scope, id: string): Promise<IncidentEntity | null> {
    return (await this.findMany(scope, [id]))[0] ?? null;
  }

  /**
   * Reads the incident FOR UPDATE. Every write about an incident (a check, closing it, an alert
   * proposed, approved or cancelled) takes this lock first, before any alert's: they take turns
   * in one order, so none deadlocks, and an alert is never approved against a status a check is
   * changing at that moment.
   */
  async hold(scope: Scope, id: string): Promise<IncidentEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(IncidentEntity, {
      where: { id, localId: scope.localId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Newest first. */
  async page(scope: Scope, status: IncidentStatus | null, args: PageArgs): Promise<Page<IncidentEntity>> {
    const em = await this.tx.manager();
    const qb = em.createQueryBuilder(IncidentEntity, 'i').where('i.local_id = :l', { l: scope.localId });
    if (status) qb.andWhere('i.status = :status', { status });
    return keysetPage(qb, NEWEST, args);
  }

  /** A change: the status when given, and a new expiry counted from now. */
  async changed(scope: Scope, id: string, expiresAt: Date, status?: IncidentStatus): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `update incident set status = coalesce($3, status), expires_at = $4, updated_at = now()
        where id = $1 and local_id = $2`,
      [id, scope.localId, status ?? null, expiresAt],
    );
  }

  async insertVerification(
    scope: Scope,
    fields: Pick<VerificationEntity, 'id' | 'incidentId' | 'byUserId' | 'outcome' | 'note'>,
  ): Promise<VerificationEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(VerificationEntity, { ...fields, localId: scope.localId }));
  }

  /** The first verifications of each incident, oldest first (at most LIST_MAX.incidentItems each). */
  async verificationsOf(scope: Scope, incidentIds: readonly string[]): Promise<VerificationEntity[]> {
    const em = await this.tx.manager();
    const rows: Partial<VerificationEntity>[] = await em.query(
      `select v.id, v.local_id as "localId", v.incident_id as "incidentId", v.by_user_id as "byUserId",
              v.outcome, v.note, v.at
         from unnest($1::uuid[]) as parents(incident_id)
         cross join lateral (
           select * from incident_verification v
            where v.incident_id = parents.incident_id and v.local_id = $2
            order by v.at, v.id limit $3) v`,
      [incidentIds, scope.localId, LIST_MAX.incidentItems],
    );
    return rows.map((r) => Object.assign(new VerificationEntity(), r));
  }

  /** Incidents reported in the last 30 days, for the dashboard. */
  async countLast30Days(scope: Scope): Promise<number> {
    const em = await this.tx.manager();
    const [{ n }]: { n: number }[] = await em.query(
      `select count(*)::int as n from incident where local_id = $1 and reported_at >= now() - interval '30 days'`,
      [scope.localId],
    );
    return n;
  }

  /** On the 'incidents:expire' path: due incidents in every local (its select-only policy). */
  async due(limit: number): Promise<{ id: string; localId: string }[]> {
    const em = await this.tx.manager();
    return em.query(
      `select id, local_id as "localId" from incident
        where erased_at is null and expires_at <= now() order by expires_at limit $1`,
      [limit],
    );
  }

  /**
   * Erases what places a person: the incident's location and details, its verifications' notes,
   * its alerts' text, and who its alerts went to (the counts stay). Only incidents still due (a change since they were found moved their expiry).
   * Pending deliveries of their alerts are skipped (no text is left to send), which ends them.
   */
  async erase(ids: readonly string[]): Promise<{ id: string; localId: string }[]> {
    const em = await this.tx.manager();
    // An UPDATE answers [rows, count] through TypeORM.
    const [erased] = (await em.query(
      `update incident set location = null, details = null, erased_at = now()
        where id = any($1::uuid[]) and erased_at is null and expires_at <= now()
        returning id, local_id as "localId"`,
      [ids],
    )) as [{ id: string; localId: string }[], number];
    if (!erased.length) return [];
    const done = erased.map((e) => e.id);
    await em.query(`update incident_verification set note = null where incident_id = any($1::uuid[])`, [
      done,
    ]);
    // A proposed alert is not sent once its text is gone.
    await em.query(
      `update alert set status = 'CANCELLED', updated_at = now() where incident_id = any($1::uuid[]) and status = 'PROPOSED'`,
      [done],
    );
    await em.query(
      `with gone as (update alert set message = null, updated_at = now() where incident_id = any($1::uuid[]) returning id)
       update alert_delivery
          set status = case when status = 'PENDING' then 'SKIPPED' else status end,
              member_id = null, updated_at = now()
        where alert_id in (select id from gone)`,
      [done],
    );
    // Nothing left to send: an alert still sending is done.
    await em.query(
      `update alert set status = 'SENT', sent_at = now(), updated_at = now()
        where incident_id = any($1::uuid[]) and status = 'SENDING'`,
      [done],
    );
    return erased;
  }
}
