import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Scope } from '@juntos/access';
import { TransactionHost } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';
import { AlertAudience, AlertEntity, AlertStatus, DeliveryStatus } from './rapid-response.entity';

const alertColumns = (a: string) => `${a}.id, ${a}.local_id as "localId", ${a}.incident_id as "incidentId",
  ${a}.audience, ${a}.message, ${a}.status, ${a}.proposed_by as "proposedBy", ${a}.approved_by as "approvedBy",
  ${a}.recipient_count as "recipientCount", ${a}.approved_at as "approvedAt", ${a}.sent_at as "sentAt",
  ${a}.created_at as "createdAt", ${a}.updated_at as "updatedAt"`;

const toAlert = (r: Partial<AlertEntity>) => Object.assign(new AlertEntity(), r);

/**
 * Recipients of an alert, fixed at approval ($1 local, $2 audience, $3 the incident's workplace or
 * null): members with a phone, not archived, each once. RESPONDERS: available responders covering
 * the workplace (all of them when the incident has none). WORKPLACE_MEMBERS: the workplace's
 * members who opted in. LOCAL_MEMBERS: every member of the local who opted in.
 */
export const RECIPIENTS_SQL = `select m.id from member m
  where m.local_id = $1 and m.archived_at is null and m.phone is not null
    and case $2::text
      when 'RESPONDERS' then exists (
        select from responder r where r.member_id = m.id and r.local_id = $1 and r.available
          and ($3::uuid is null or exists (
            select from responder_workplace rw where rw.responder_id = r.id and rw.workplace_id = $3::uuid)))
      when 'WORKPLACE_MEMBERS' then m.alert_opt_in and m.workplace_id = $3::uuid
      when 'LOCAL_MEMBERS' then m.alert_opt_in
      else false end`;

/** One delivery, as the worker needs it: the number and language are read now, never stored with it. */
export interface DeliveryToSend {
  id: string;
  alertId: string;
  status: DeliveryStatus;
  alertStatus: AlertStatus;
  message: string | null;
  phone: string | null;
  language: string | null;
}

export interface DeliveryCounts {
  delivered: number;
  failed: number;
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    scope: Scope,
    fields: Pick<AlertEntity, 'incidentId' | 'audience' | 'message' | 'proposedBy'>,
  ): Promise<AlertEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(AlertEntity, { ...fields, localId: scope.localId }));
  }

  async findMany(scope: Scope, ids: readonly string[]): Promise<AlertEntity[]> {
    if (!ids.length) return [];
    const em = await this.tx.manager();
    return em.find(AlertEntity, { where: { id: In([...ids]), localId: scope.localId } });
  }

  async find(scope: Scope, id: string): Promise<AlertEntity | null> {
    return (await this.findMany(scope, [id]))[0] ?? null;
  }

  /** Reads the alert FOR UPDATE: two approvals, or an approval and a cancel, take turns. */
  async hold(scope: Scope, id: string): Promise<AlertEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(AlertEntity, {
      where: { id, localId: scope.localId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The first alerts of each incident, oldest first (at most LIST_MAX.incidentItems each). */
  async forIncidents(scope: Scope, incidentIds: readonly string[]): Promise<AlertEntity[]> {
    const em = await this.tx.manager();
    const rows: Partial<AlertEntity>[] = await em.query(
      `select ${alertColumns('a')}
         from unnest($1::uuid[]) as parents(incident_id)
         cross join lateral (
           select * from alert a where a.incident_id = parents.incident_id and a.local_id = $2
            order by a.created_at, a.id limit $3) a`,
      [incidentIds, scope.localId, LIST_MAX.incidentItems],
    );
    return rows.map(toAlert);
  }

  /**
   * Approves: fixes the recipients as PENDING deliveries and moves the alert to SENDING (or SENT
   * when nobody qualifies). Returns the delivery ids, for the jobs that send them.
   */
  async approve(
    scope: Scope,
    alert: { id: string; audience: AlertAudience },
    approverId: string,
    workplaceId: string | null,
  ): Promise<string[]> {
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `insert into alert_delivery (local_id, alert_id, member_id)
       select $1, $4::uuid, r.id from (${RECIPIENTS_SQL}) r order by r.id
       returning id`,
      [scope.localId, alert.audience, workplaceId, alert.id],
    );
    await em.query(
      `update alert set status = case when $4 = 0 then 'SENT' else 'SENDING' end,
              sent_at = case when $4 = 0 then now() end,
              approved_by = $3, approved_at = now(), recipient_count = $4, updated_at = now()
        where id = $1 and local_id = $2`,
      [alert.id, scope.localId, approverId, rows.length],
    );
    return rows.map((r) => r.id);
  }

  /** Cancels; deliveries not yet made are skipped, and the workers send nothing more for it. */
  async cancel(scope: Scope, id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.query(
      `update alert set status = 'CANCELLED', updated_at = now() where id = $1 and local_id = $2 and status <> 'CANCELLED'`,
      [id, scope.localId],
    );
    await em.query(
      `update alert_delivery set status = 'SKIPPED', updated_at = now()
        where alert_id = $1 and local_id = $2 and status = 'PENDING'`,
      [id, scope.localId],
    );
  }

  /** Proposed alerts of an incident being closed are cancelled with it. */
  async cancelProposed(scope: Scope, incidentId: string): Promise<number> {
    const em = await this.tx.manager();
    const [rows] = (await em.query(
      `update alert set status = 'CANCELLED', updated_at = now()
        where incident_id = $1 and local_id = $2 and status = 'PROPOSED' returning id`,
      [incidentId, scope.localId],
    )) as [unknown[], number];
    return rows.length;
  }

  /** Delivered and failed deliveries per alert, in one statement. */
  async counts(scope: Scope, alertIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
    const em = await this.tx.manager();
    const rows: { alert_id: string; delivered: number; failed: number }[] = await em.query(
      `select alert_id, count(*) filter (where status = 'DELIVERED')::int as delivered,
              count(*) filter (where status = 'FAILED')::int as failed
         from alert_delivery where alert_id = any($1::uuid[]) and local_id = $2 group by alert_id`,
      [alertIds, scope.localId],
    );
    return new Map(rows.map((r) => [r.alert_id, { delivered: r.delivered, failed: r.failed }]));
  }

  /** On the 'alerts:deliver' path: what sending these deliveries needs, read at send time. */
  async toSend(scope: Scope, deliveryIds: readonly string[]): Promise<DeliveryToSend[]> {
    const em = await this.tx.manager();
    return em.query(
      `select d.id, d.alert_id as "alertId", d.status, a.status as "alertStatus", a.message,
              m.phone, m.preferred_language as language
         from alert_delivery d
         join alert a on a.id = d.alert_id and a.local_id = d.local_id
         left join member m on m.id = d.member_id and m.local_id = d.local_id and m.archived_at is null
        where d.id = any($1::uuid[]) and d.local_id = $2`,
      [deliveryIds, scope.localId],
    );
  }

  /**
   * On the 'alerts:deliver' path: records outcomes and counts attempts. A message sent while a
   * cancel or an expiry skipped it was sent all the same, so its outcome replaces SKIPPED; then marks SENT each alert with
   * nothing pending, answering those with their counts. The alerts are locked first, so two
   * workers finishing an alert's last deliveries at once cannot both see the other's as pending.
   */
  async record(
    scope: Scope,
    alertIds: readonly string[],
    outcomes: { delivered: string[]; failed: string[]; retrying: string[] },
  ): Promise<({ alertId: string } & DeliveryCounts)[]> {
    const em = await this.tx.manager();
    await em.query(
      `select id from alert where id = any($1::uuid[]) and local_id = $2 order by id for update`,
      [alertIds, scope.localId],
    );
    await em.query(
      `update alert_delivery d set attempts = d.attempts + 1, updated_at = now(),
              status = case when d.id = any($2::uuid[]) then 'DELIVERED'
                            when d.id = any($3::uuid[]) then 'FAILED' else d.status end
        where d.local_id = $1 and d.id = any($2::uuid[] || $3::uuid[] || $4::uuid[])
          and (d.status = 'PENDING' or (d.status = 'SKIPPED' and d.id = any($2::uuid[] || $3::uuid[])))`,
      [scope.localId, outcomes.delivered, outcomes.failed, outcomes.retrying],
    );
    // An UPDATE answers [rows, count] through TypeORM.
    const [sent] = (await em.query(
      `update alert a set status = 'SENT', sent_at = now(), updated_at = now()
        where a.id = any($1::uuid[]) and a.local_id = $2 and a.status = 'SENDING'
          and not exists (select from alert_delivery d where d.alert_id = a.id and d.status = 'PENDING')
        returning a.id`,
      [alertIds, scope.localId],
    )) as [{ id: string }[], number];
    if (!sent.length) return [];
    const counts = await this.counts(
      scope,
      sent.map((a) => a.id),
    );
    return sent.map((a) => ({ alertId: a.id, ...(counts.get(a.id) ?? { delivered: 0, failed: 0 }) }));
  }
}
