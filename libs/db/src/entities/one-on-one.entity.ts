import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Reference, SameLocal, Timestamp, UpdatedAt } from './columns';
import { MemberEntity } from './member.entity';
import { UserEntity } from './user.entity';

export type ConversationChannel = 'IN_PERSON' | 'PHONE' | 'VIDEO' | 'TEXT';

/** A structured organizing conversation. `notes` holds ciphertext only (libs/crypto). */
@Entity('one_on_one')
@SameLocal(() => MemberEntity, 'memberId', { name: 'one_on_one_member_fk', onDelete: 'CASCADE' })
@Index('one_on_one_local_occurred_idx', ['localId', 'occurredAt', 'id'])
@Index('one_on_one_member_occurred_idx', ['memberId', 'occurredAt', 'id'])
@Index('one_on_one_open_follow_up_idx', ['localId', 'stewardId', 'followUpAt'], {
  where: 'follow_up_done_at IS NULL AND follow_up_at IS NOT NULL',
})
// The dashboard's overdue follow-ups due today (earlier days come from dashboard_tally).
@Index('one_on_one_local_follow_up_idx', ['localId', 'followUpAt'], {
  where: 'follow_up_done_at IS NULL AND follow_up_at IS NOT NULL',
})
@Check('one_on_one_channel_check', "channel in ('IN_PERSON', 'PHONE', 'VIDEO', 'TEXT')")
@Check('one_on_one_support_level_check', 'support_level between 1 and 5')
@Check('one_on_one_notes_check', "notes like 'v1:%' or notes like 'v2:%'")
export class OneOnOneEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'member_id' }) memberId: string;
  @Reference(() => UserEntity, 'steward_id', { name: 'one_on_one_steward_fk' })
  stewardId: string;
  @Timestamp('occurred_at', { nullable: false }) occurredAt: Date;
  @Column({ type: 'text' }) channel: ConversationChannel;
  @Column({ type: 'smallint', name: 'support_level', nullable: true }) supportLevel: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) issues: string[];
  /** `v2:<keyId>:<iv>:<ciphertext+tag>`, bound to this row (`v1:` before the binding); never plaintext. */
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text', name: 'next_step', nullable: true }) nextStep: string | null;
  @Timestamp('follow_up_at') followUpAt: Date | null;
  @Timestamp('follow_up_done_at') followUpDoneAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
