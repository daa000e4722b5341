import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import {
  CreatedAt,
  LocalId,
  MemberEntity,
  Reference,
  SameLocal,
  Timestamp,
  UpdatedAt,
  UserEntity,
  WorkplaceEntity,
} from '@juntos/db';

export enum IncidentKind {
  WORKPLACE_RAID = 'WORKPLACE_RAID',
  HOME_RAID = 'HOME_RAID',
  CHECKPOINT = 'CHECKPOINT',
  ARREST = 'ARREST',
  SURVEILLANCE = 'SURVEILLANCE',
  OTHER = 'OTHER',
}

export enum IncidentStatus {
  REPORTED = 'REPORTED',
  CONFIRMED = 'CONFIRMED',
  FALSE_ALARM = 'FALSE_ALARM',
  UNCONFIRMED = 'UNCONFIRMED',
  CLOSED = 'CLOSED',
}

export enum VerificationOutcome {
  CONFIRMED = 'CONFIRMED',
  FALSE_ALARM = 'FALSE_ALARM',
  UNCONFIRMED = 'UNCONFIRMED',
}

export enum AlertAudience {
  RESPONDERS = 'RESPONDERS',
  WORKPLACE_MEMBERS = 'WORKPLACE_MEMBERS',
  LOCAL_MEMBERS = 'LOCAL_MEMBERS',
}

export enum AlertStatus {
  PROPOSED = 'PROPOSED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
}

export enum ResponderSkill {
  VERIFIER = 'VERIFIER',
  LEGAL_OBSERVER = 'LEGAL_OBSERVER',
  DRIVER = 'DRIVER',
  INTERPRETER = 'INTERPRETER',
  ACCOMPANIMENT = 'ACCOMPANIMENT',
}

/** One recipient's message: PENDING until the channel answers; SKIPPED when the alert was cancelled first. */
export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

/**
 * A report of immigration enforcement. `location`, `details` (ciphertext) and its verifications'
 * notes are erased at `expiresAt`, `erasedAt` then says when; kind, status, workplace and dates stay.
 */
@Entity('incident')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'incident_workplace_fk' })
@Unique('incident_local_id_id_key', ['localId', 'id'])
@Index('incident_local_reported_idx', ['localId', 'reportedAt', 'id'])
@Index('incident_expires_idx', ['expiresAt'], { where: 'erased_at IS NULL' })
@Check(
  'incident_kind_check',
  "kind in ('WORKPLACE_RAID', 'HOME_RAID', 'CHECKPOINT', 'ARREST', 'SURVEILLANCE', 'OTHER')",
)
@Check('incident_status_check', "status in ('REPORTED', 'CONFIRMED', 'FALSE_ALARM', 'UNCONFIRMED', 'CLOSED')")
@Check('incident_location_check', 'length(location) between 1 and 300')
export class IncidentEntity {
  /** Made by the API, so the details can be bound to the row before the insert. */
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('incident_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'workplace_id', nullable: true }) workplaceId: string | null;
  @Column({ type: 'text' }) kind: IncidentKind;
  @Column({ type: 'text', default: IncidentStatus.REPORTED }) status: IncidentStatus;
  @Column({ type: 'text', nullable: true }) location: string | null;
  /** Ciphertext (FieldCipher, bound to this row). */
  @Column({ type: 'text', nullable: true }) details: string | null;
  @Timestamp('reported_at', { nullable: false }) reportedAt: Date;
  @Timestamp('expires_at', { nullable: false }) expiresAt: Date;
  @Timestamp('erased_at') erasedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** Someone checked on the ground; the incident's status follows the latest verification. */
@Entity('incident_verification')
@SameLocal(() => IncidentEntity, 'incidentId', {
  name: 'incident_verification_incident_fk',
  onDelete: 'CASCADE',
})
@Index('incident_verification_incident_idx', ['incidentId', 'at', 'id'])
@Check('incident_verification_outcome_check', "outcome in ('CONFIRMED', 'FALSE_ALARM', 'UNCONFIRMED')")
export class VerificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'incident_id' }) incidentId: string;
  @Reference(() => UserEntity, 'by_user_id', { name: 'incident_verification_by_fk' }) byUserId: string;
  @Column({ type: 'text' }) outcome: VerificationOutcome;
  /** Ciphertext (FieldCipher, bound to this row); null once the incident expired. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Timestamp('at', { nullable: false, default: () => 'now()' }) at: Date;
}

/** A text about a confirmed incident: proposed by one person, approved by another, then delivered. */
@Entity('alert')
@SameLocal(() => IncidentEntity, 'incidentId', { name: 'alert_incident_fk', onDelete: 'CASCADE' })
@Unique('alert_local_id_id_key', ['localId', 'id'])
@Index('alert_incident_idx', ['incidentId', 'createdAt', 'id'])
@Check('alert_audience_check', "audience in ('RESPONDERS', 'WORKPLACE_MEMBERS', 'LOCAL_MEMBERS')")
@Check('alert_status_check', "status in ('PROPOSED', 'SENDING', 'SENT', 'CANCELLED')")
@Check('alert_message_check', 'length(message) between 1 and 320')
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'incident_id' }) incidentId: string;
  @Column({ type: 'text' }) audience: AlertAudience;
  /** The one copy of the text; null once the incident expired. */
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'text', default: AlertStatus.PROPOSED }) status: AlertStatus;
  @Reference(() => UserEntity, 'proposed_by', { name: 'alert_proposed_by_fk' }) proposedBy: string;
  @Reference(() => UserEntity, 'approved_by', { name: 'alert_approved_by_fk' }, { nullable: true })
  approvedBy: string | null;
  @Column({ type: 'integer', name: 'recipient_count', default: 0 }) recipientCount: number;
  @Timestamp('approved_at') approvedAt: Date | null;
  @Timestamp('sent_at') sentAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/**
 * The outbox row of one recipient of an approved alert: who (never their number, read at send
 * time) and the outcome. An erased member's rows keep the count and lose the member.
 */
@Entity('alert_delivery')
@SameLocal(() => AlertEntity, 'alertId', { name: 'alert_delivery_alert_fk', onDelete: 'CASCADE' })
@ForeignKey(() => MemberEntity, ['memberId'], ['id'], {
  name: 'alert_delivery_member_fk',
  onDelete: 'SET NULL',
})
@Unique('alert_delivery_alert_member_key', ['alertId', 'memberId'])
@Index('alert_delivery_alert_status_idx', ['alertId', 'status'])
@Index('alert_delivery_member_idx', ['memberId'])
@Check('alert_delivery_status_check', "status in ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')")
export class AlertDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'alert_id' }) alertId: string;
  @Column({ type: 'uuid', name: 'member_id', nullable: true }) memberId: string | null;
  @Column({ type: 'text', default: DeliveryStatus.PENDING }) status: DeliveryStatus;
  @Column({ type: 'smallint', default: 0 }) attempts: number;
  @UpdatedAt() updatedAt: Date;
}

/** A member who volunteered for the rapid-response network: one row per member. */
@Entity('responder')
@SameLocal(() => MemberEntity, 'memberId', { name: 'responder_member_fk', onDelete: 'CASCADE' })
@Unique('responder_member_key', ['memberId'])
@Unique('responder_local_id_id_key', ['localId', 'id'])
@Index('responder_local_created_idx', ['localId', 'createdAt', 'id'])
@Check(
  'responder_skills_check',
  "skills <@ array['VERIFIER', 'LEGAL_OBSERVER', 'DRIVER', 'INTERPRETER', 'ACCOMPANIMENT']::text[]",
)
export class ResponderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('responder_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: ResponderSkill[];
  @Column({ type: 'boolean', default: true }) available: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** A worksite or building a responder covers. */
@Entity('responder_workplace')
@SameLocal(() => ResponderEntity, 'responderId', {
  name: 'responder_workplace_responder_fk',
  onDelete: 'CASCADE',
})
@SameLocal(() => WorkplaceEntity, 'workplaceId', {
  name: 'responder_workplace_workplace_fk',
  onDelete: 'CASCADE',
})
@Index('responder_workplace_workplace_idx', ['workplaceId'])
export class ResponderWorkplaceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'responder_id' }) responderId: string;
  @PrimaryColumn({ type: 'uuid', name: 'workplace_id' }) workplaceId: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
}
