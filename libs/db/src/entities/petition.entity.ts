import { Check, Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PetitionStatus, SignatureMethod } from '@juntos/common';
import { CreatedAt, Reference, SameLocal, Timestamp, UpdatedAt } from './columns';
import { LocalId } from './local.entity';
import { MemberEntity } from './member.entity';
import { UserEntity } from './user.entity';
import { WorkplaceEntity } from './workplace.entity';

/** A demand with a target; its goal defaults to a majority of the workplace headcount. */
@Entity('petition')
@SameLocal(() => WorkplaceEntity, 'workplaceId', { name: 'petition_workplace_fk' })
@Unique('petition_local_id_id_key', ['localId', 'id'])
@Index('petition_local_created_idx', ['localId', 'createdAt', 'id'])
@Index('petition_local_status_idx', ['localId', 'status'])
@Check('petition_title_check', 'length(title) between 1 and 200')
@Check('petition_demand_check', 'length(demand) between 1 and 5000')
@Check('petition_target_check', 'length(target) between 1 and 300')
@Check('petition_goal_check', 'goal >= 1')
@Check('petition_status_check', "status in ('DRAFT', 'OPEN', 'DELIVERED', 'WON', 'LOST', 'CLOSED')")
export class PetitionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('petition_local_fk') localId: string;
  @Column({ type: 'uuid', name: 'workplace_id', nullable: true }) workplaceId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) demand: string;
  @Column({ type: 'text' }) target: string;
  @Column({ type: 'integer' }) goal: number;
  @Column({ type: 'text', default: PetitionStatus.DRAFT }) status: PetitionStatus;
  @Timestamp('opened_at') openedAt: Date | null;
  @Timestamp('deadline') deadline: Date | null;
  @Timestamp('delivered_at') deliveredAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** One member's signature on one petition, once. */
@Entity('signature')
@Unique('signature_petition_member_key', ['petitionId', 'memberId'])
@SameLocal(() => PetitionEntity, 'petitionId', { name: 'signature_petition_fk', onDelete: 'CASCADE' })
@SameLocal(() => MemberEntity, 'memberId', { name: 'signature_member_fk', onDelete: 'CASCADE' })
@Index('signature_petition_signed_idx', ['petitionId', 'signedAt', 'id'])
@Index('signature_member_idx', ['memberId'])
@Check('signature_method_check', "method in ('PAPER', 'DIGITAL', 'VERBAL')")
export class SignatureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'petition_id' }) petitionId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @Reference(() => UserEntity, 'collected_by', { name: 'signature_collected_by_fk' })
  collectedBy: string;
  @Column({ type: 'text' }) method: SignatureMethod;
  @Timestamp('signed_at', { nullable: false, default: () => 'now()' }) signedAt: Date;
  @CreatedAt() createdAt: Date;
}
