import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../graphql/page-info.model';
import { AttendanceEntity, EventEntity, EventKind, EventStatus, RsvpStatus } from '../event.entity';

registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(RsvpStatus, { name: 'RsvpStatus', description: 'OSDI v1.2 attendance statuses.' });

@ObjectType({ description: 'A know-your-rights training, meeting, assembly or action of a local.' })
export class Event {
  @Field(() => ID) id: string;
  @Field(() => EventKind) kind: EventKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true }) endsAt: Date | null;
  @Field({ description: 'IANA time zone, e.g. America/Los_Angeles.' }) timezone: string;
  @Field(() => String, { nullable: true }) location: string | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => EventStatus) status: EventStatus;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `local`, `workplace`, counts and attendances. */
  localId: string;
  workplaceId: string | null;

  static from(e: EventEntity): Event {
    return Object.assign(new Event(), {
      id: e.id,
      kind: e.kind,
      title: e.title,
      description: e.description,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timezone: e.timezone,
      location: e.location,
      capacity: e.capacity,
      status: e.status,
      createdAt: e.createdAt,
      localId: e.localId,
      workplaceId: e.workplaceId,
    });
  }
}

@ObjectType()
export class EventConnection extends Connection(Event) {}

@ObjectType({ description: "One member's RSVP to an event and, separately, whether they attended." })
export class Attendance {
  @Field(() => ID) id: string;
  @Field(() => RsvpStatus, { nullable: true }) rsvp: RsvpStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'Null until attendance is taken.' })
  attended: boolean | null;
  @Field() updatedAt: Date;
  localId: string;
  eventId: string;
  memberId: string;
  recordedBy: string;

  static from(e: AttendanceEntity): Attendance {
    return Object.assign(new Attendance(), {
      id: e.id,
      rsvp: e.rsvp,
      attended: e.attended,
      updatedAt: e.updatedAt,
      localId: e.localId,
      eventId: e.eventId,
      memberId: e.memberId,
      recordedBy: e.recordedBy,
    });
  }
}

@ObjectType()
export class AttendanceConnection extends Connection(Attendance) {}
