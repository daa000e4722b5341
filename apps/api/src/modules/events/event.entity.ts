import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
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

export enum EventKind {
  KYR_TRAINING = 'KYR_TRAINING',
  MEETING = 'MEETING',
  ASSEMBLY = 'ASSEMBLY',
  ACTION = 'ACTION',
  OTHER = 'OTHER',
}

export enum EventStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

/** OSDI v1.2 attendance statuses. */
export enum RsvpStatus {
  ACCEPTED = 'ACCEPTED',
  TENTATIVE = 'TENTATIVE',
  DECLINED = 'DECLINED',
  NEEDS_ACTION = 'NEEDS_ACTION',
}

/** A training, meeting, assembly or action of a local, optionally of one workplace. */
@Entity('event')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'event_workplace_fk' })
@Unique('event_local_id_id_key', ['localId', 'id'])
@Index('event_local_starts_idx', ['localId', 'startsAt', 'id'])
@Check('event_kind_check', "kind in ('KYR_TRAINING', 'MEETING', 'ASSEMBLY', 'ACTION', 'OTHER')")
@Check('event_title_check', 'length(title) between 1 and 200')
@Check('event_description_check', 'length(description) <= 5000')
@Check('event_location_check', 'length(location) <= 500')
@Check('event_capacity_check', 'capacity >= 1')
@Check('event_status_check', "status in ('SCHEDULED', 'CANCELLED')")
@Check('event_ends_after_starts', 'ends_at is null or ends_at > starts_at')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('event_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'workplace_id', nullable: true }) workplaceId: string | null;
  @Column({ type: 'text' }) kind: EventKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Timestamp('starts_at', { nullable: false }) startsAt: Date;
  @Timestamp('ends_at') endsAt: Date | null;
  @Column({ type: 'text', default: 'UTC' }) timezone: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ type: 'text', default: EventStatus.SCHEDULED }) status: EventStatus;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One member and one event: their RSVP and, separately, whether they attended. */
@Entity('attendance')
@Unique('attendance_event_member_key', ['eventId', 'memberId'])
@SameLocal(() => EventEntity, 'eventId', { name: 'attendance_event_fk', onDelete: 'CASCADE' })
@SameLocal(() => MemberEntity, 'memberId', { name: 'attendance_member_fk', onDelete: 'CASCADE' })
@Index('attendance_member_idx', ['memberId'])
@Check('attendance_rsvp_check', "rsvp in ('ACCEPTED', 'TENTATIVE', 'DECLINED', 'NEEDS_ACTION')")
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'event_id' }) eventId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @Column({ type: 'text', nullable: true }) rsvp: RsvpStatus | null;
  @Column({ type: 'boolean', nullable: true }) attended: boolean | null;
  @Reference(() => UserEntity, 'recorded_by', { name: 'attendance_recorded_by_fk' })
  recordedBy: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
