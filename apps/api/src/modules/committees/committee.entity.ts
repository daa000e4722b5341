import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import {
  CreatedAt,
  LocalId,
  MemberEntity,
  SameLocal,
  Timestamp,
  UnitEntity,
  UpdatedAt,
  WorkplaceEntity,
} from '@juntos/db';

export enum CommitteeKind {
  ORGANIZING_COMMITTEE = 'ORGANIZING_COMMITTEE',
  BUILDING_COMMITTEE = 'BUILDING_COMMITTEE',
  DEFENSE_COMMITTEE = 'DEFENSE_COMMITTEE',
  RAPID_RESPONSE_TEAM = 'RAPID_RESPONSE_TEAM',
  ASSEMBLY = 'ASSEMBLY',
}

export enum CommitteeRole {
  CHAIR = 'CHAIR',
  SECRETARY = 'SECRETARY',
  CAPTAIN = 'CAPTAIN',
  MEMBER = 'MEMBER',
}

/** A committee of a local, optionally of one workplace. Archiving keeps it and its history. */
@Entity('committee')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'committee_workplace_fk' })
@Unique('committee_local_id_id_key', ['localId', 'id'])
@Index('committee_local_created_idx', ['localId', 'createdAt', 'id'])
@Index('committee_local_name_key', ['localId', 'name'], { unique: true, where: 'archived_at IS NULL' })
@Check(
  'committee_kind_check',
  "kind in ('ORGANIZING_COMMITTEE', 'BUILDING_COMMITTEE', 'DEFENSE_COMMITTEE', 'RAPID_RESPONSE_TEAM', 'ASSEMBLY')",
)
@Check('committee_name_check', 'length(name) between 1 and 200')
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('committee_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'workplace_id', nullable: true }) workplaceId: string | null;
  @Column({ type: 'text' }) kind: CommitteeKind;
  @Column({ type: 'text' }) name: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
  @Timestamp('archived_at') archivedAt: Date | null;
}

/** One member's seat on a committee: one per member and committee. */
@Entity('committee_membership')
@Unique('committee_membership_committee_member_key', ['committeeId', 'memberId'])
@Unique('committee_membership_committee_id_key', ['committeeId', 'id'])
@SameLocal(() => CommitteeEntity, 'committeeId', {
  name: 'committee_membership_committee_fk',
  onDelete: 'CASCADE',
})
@SameLocal(() => MemberEntity, 'memberId', { name: 'committee_membership_member_fk', onDelete: 'CASCADE' })
@Index('committee_membership_member_idx', ['memberId'])
@Check('committee_membership_role_check', "role in ('CHAIR', 'SECRETARY', 'CAPTAIN', 'MEMBER')")
export class CommitteeMembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'committee_id' }) committeeId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @Column({ type: 'text' }) role: CommitteeRole;
  @ForeignKey(() => UnitEntity, { name: 'committee_membership_unit_fk', onDelete: 'SET NULL' })
  @Column({ type: 'uuid', name: 'unit_id', nullable: true })
  unitId: string | null;
  @CreatedAt() createdAt: Date;
}

/** A member a committee member keeps in touch with: at most one contact per member and committee. */
@Entity('committee_contact')
@Unique('committee_contact_committee_member_key', ['committeeId', 'memberId'])
@ForeignKey(() => CommitteeMembershipEntity, ['committeeId', 'membershipId'], ['committeeId', 'id'], {
  name: 'committee_contact_membership_fk',
  onDelete: 'CASCADE',
})
@SameLocal(() => CommitteeEntity, 'committeeId', {
  name: 'committee_contact_committee_fk',
  onDelete: 'CASCADE',
})
@SameLocal(() => MemberEntity, 'memberId', { name: 'committee_contact_member_fk', onDelete: 'CASCADE' })
@Index('committee_contact_membership_idx', ['membershipId'])
@Index('committee_contact_member_idx', ['memberId'])
export class CommitteeContactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'committee_id' }) committeeId: string;
  @Column({ type: 'uuid', name: 'membership_id' }) membershipId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @CreatedAt() createdAt: Date;
}
