import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditEventEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';
import { LIST_MAX, listCost } from '../../../graphql/query-cost';

@ObjectType({
  description: "One non-personal fact of an event, such as an import's count of created members.",
})
export class AuditCount {
  @Field() name: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field() action: string;
  @Field(() => String, { nullable: true }) targetType: string | null;
  @Field(() => ID, { nullable: true }) targetId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The client address the request came from (X-Forwarded-For only with TRUST_PROXY).',
  })
  ip: string | null;
  @Field(() => [AuditCount], {
    complexity: listCost(LIST_MAX.auditCounts),
    description:
      "Counts the event carries, e.g. an import's created, updated and skipped rows. Never personal data.",
  })
  detail: AuditCount[];
  /** Not in the schema: resolves `actor`. */
  actorId: string | null;
  /** Not in the schema: lets the guard check field access against the event's local. */
  localId: string | null;

  static from(e: AuditEventEntity): AuditEvent {
    return Object.assign(new AuditEvent(), {
      id: e.id,
      at: e.at,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      ip: e.ip,
      detail: Object.entries(e.detail ?? {})
        .filter((kv): kv is [string, number] => typeof kv[1] === 'number')
        .map(([name, count]) => ({ name, count })),
      actorId: e.actorId,
      localId: e.localId,
    });
  }
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}
