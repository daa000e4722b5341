import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuditEventEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

@ObjectType()
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field() action: string;
  @Field(() => String, { nullable: true }) targetType: string | null;
  @Field(() => ID, { nullable: true }) targetId: string | null;
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
      actorId: e.actorId,
      localId: e.localId,
    });
  }
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}
