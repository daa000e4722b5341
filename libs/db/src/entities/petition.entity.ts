import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PetitionStatus, SignatureMethod } from '@juntos/common';
import { CreatedAt, Timestamp, UpdatedAt } from './columns';
import { LocalEntity } from './local.entity';
import { MemberEntity } from './member.entity';
import { UserEntity } from './user.entity';
import { WorkplaceEntity } from './workplace.entity';

/** A demand with a target; its goal defaults to a majority of the workplace headcount. */
@Entity('petition')
@ForeignKey(() => WorkplaceEntity, ['localId', 'workplaceId'], ['localId', 'id'], {
  name: 'petition_workplace_fk',
})
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
  @ForeignKey(() => LocalEntity, { name: 'petition_local_fk', onDelete: 'CASCADE' })
  @Column({ type: 'uuid', name: 'local_id' })
  localId: string;
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
@ForeignKey(() => PetitionEntity, ['localId', 'petitionId'], ['localId', 'id'], {
  name: 'signature_petition_fk',
  onDelete: 'CASCADE',
})
@ForeignKey(() => MemberEntity, ['localId', 'memberId'], ['localId', 'id'], {
  name: 'signature_member_fk',
  onDelete: 'CASCADE',
})
@Index('signature_petition_signed_idx', ['petitionId', 'signedAt', 'id'])
@Index('signature_member_idx', ['memberId'])
@Check('signature_method_check', "method in ('PAPER', 'DIGITAL', 'VERBAL')")
export class SignatureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'petition_id' }) petitionId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @ForeignKey(() => UserEntity, { name: 'signature_collected_by_fk' })
  @Column({ type: 'uuid', name: 'collected_by' })
  collectedBy: string;
  @Column({ type: 'text' }) method: SignatureMethod;
  @Timestamp('signed_at', { nullable: false, default: () => 'now()' }) signedAt: Date;
  @CreatedAt() createdAt: Date;
}
