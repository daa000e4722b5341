import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../graphql/page-info.model';
import {
  AlertAudience,
  AlertEntity,
  AlertStatus,
  IncidentEntity,
  IncidentKind,
  IncidentStatus,
  ResponderEntity,
  ResponderSkill,
  VerificationEntity,
  VerificationOutcome,
} from '../rapid-response.entity';

registerEnumType(IncidentKind, { name: 'IncidentKind' });
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
registerEnumType(VerificationOutcome, { name: 'VerificationOutcome' });
registerEnumType(AlertAudience, { name: 'AlertAudience' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(ResponderSkill, { name: 'ResponderSkill' });

@ObjectType({ description: 'A report of immigration enforcement: a raid, a checkpoint, an arrest.' })
export class Incident {
  @Field(() => ID) id: string;
  @Field(() => IncidentKind) kind: IncidentKind;
  @Field(() => IncidentStatus) status: IncidentStatus;
  @Field() reportedAt: Date;
  @Field({ description: 'When location, details and notes are erased; the kind, status and dates stay.' })
  expiresAt: Date;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `local`, `workplace`, `location`, `details` and the lists. */
  localId: string;
  workplaceId: string | null;
  sealedLocation: string | null;
  sealedDetails: string | null;

  static from(e: IncidentEntity): Incident {
    return Object.assign(new Incident(), {
      id: e.id,
      kind: e.kind,
      status: e.status,
      reportedAt: e.reportedAt,
      expiresAt: e.expiresAt,
      createdAt: e.createdAt,
      localId: e.localId,
      workplaceId: e.workplaceId,
      sealedLocation: e.location,
      sealedDetails: e.details,
    });
  }
}

@ObjectType()
export class IncidentConnection extends Connection(Incident) {}

@ObjectType({ description: 'A check on the ground; the incident’s status follows the latest one.' })
export class Verification {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => VerificationOutcome) outcome: VerificationOutcome;
  localId: string;
  incidentId: string;
  byUserId: string;
  sealedNote: string | null;

  static from(e: VerificationEntity): Verification {
    return Object.assign(new Verification(), {
      id: e.id,
      at: e.at,
      outcome: e.outcome,
      localId: e.localId,
      incidentId: e.incidentId,
      byUserId: e.byUserId,
      sealedNote: e.note,
    });
  }
}

@ObjectType({
  description: 'A text about a confirmed incident, approved by a second person before it is sent.',
})
export class Alert {
  @Field(() => ID) id: string;
  @Field(() => AlertAudience) audience: AlertAudience;
  @Field({ description: 'The text as sent. Empty once the incident has expired.' }) message: string;
  @Field(() => AlertStatus) status: AlertStatus;
  @Field(() => Int, { description: 'Fixed at approval.' }) recipientCount: number;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field() createdAt: Date;
  localId: string;
  incidentId: string;
  proposedById: string;
  approvedById: string | null;

  static from(e: AlertEntity): Alert {
    return Object.assign(new Alert(), {
      id: e.id,
      audience: e.audience,
      message: e.message ?? '',
      status: e.status,
      recipientCount: e.recipientCount,
      sentAt: e.sentAt,
      createdAt: e.createdAt,
      localId: e.localId,
      incidentId: e.incidentId,
      proposedById: e.proposedBy,
      approvedById: e.approvedBy,
    });
  }
}

@ObjectType({ description: 'A member who volunteered for the rapid-response network.' })
export class Responder {
  @Field(() => ID) id: string;
  @Field(() => [ResponderSkill]) skills: ResponderSkill[];
  @Field() available: boolean;
  localId: string;
  memberId: string;

  static from(e: ResponderEntity): Responder {
    return Object.assign(new Responder(), {
      id: e.id,
      skills: e.skills,
      available: e.available,
      localId: e.localId,
      memberId: e.memberId,
    });
  }
}

@ObjectType()
export class ResponderConnection extends Connection(Responder) {}
