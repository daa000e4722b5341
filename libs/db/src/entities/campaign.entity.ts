import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignStage, DecisionBody } from '@juntos/common';
import { CreatedAt, Reference, SameLocal, Timestamp, UpdatedAt } from './columns';
import { LocalId } from './local.entity';
import { PetitionEntity } from './petition.entity';
import { UserEntity } from './user.entity';

const STAGES =
  "('DRAFTING', 'BUILDING_SUPPORT', 'INTRODUCED', 'VOTED', 'PASSED', 'FAILED', 'IMPLEMENTED', 'WITHDRAWN')";

/** The drive to get a resolution passed by a decision body. */
@Entity('campaign')
@Unique('campaign_local_id_id_key', ['localId', 'id'])
@Index('campaign_local_created_idx', ['localId', 'createdAt', 'id'])
@Index('campaign_local_stage_idx', ['localId', 'stage'])
@Check('campaign_title_check', 'length(title) between 1 and 200')
@Check('campaign_resolution_text_check', 'length(resolution_text) between 1 and 20000')
@Check(
  'campaign_decision_body_check',
  "decision_body in ('EXECUTIVE_BOARD', 'GENERAL_MEMBERSHIP', 'DELEGATE_COUNCIL', 'TENANT_ASSEMBLY')",
)
@Check('campaign_stage_check', `stage in ${STAGES}`)
@Check('campaign_votes_for_check', 'votes_for >= 0')
@Check('campaign_votes_against_check', 'votes_against >= 0')
@Check('campaign_abstentions_check', 'abstentions >= 0')
@Check('campaign_vote_whole', '(votes_for is null) = (vote_held_at is null)')
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @LocalId('campaign_local_fk') localId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', name: 'resolution_text' }) resolutionText: string;
  @Column({ type: 'text', name: 'decision_body' }) decisionBody: DecisionBody;
  @Column({ type: 'text', default: CampaignStage.DRAFTING }) stage: CampaignStage;
  @Timestamp('meeting_at') meetingAt: Date | null;
  @Column({ type: 'integer', name: 'votes_for', nullable: true }) votesFor: number | null;
  @Column({ type: 'integer', name: 'votes_against', nullable: true }) votesAgainst: number | null;
  @Column({ type: 'integer', nullable: true }) abstentions: number | null;
  @Timestamp('vote_held_at') voteHeldAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('campaign_stage_change')
@SameLocal(() => CampaignEntity, 'campaignId', {
  name: 'campaign_stage_change_campaign_fk',
  onDelete: 'CASCADE',
})
@Index('campaign_stage_change_campaign_idx', ['campaignId', 'changedAt', 'id'])
@Check('campaign_stage_change_from_stage_check', `from_stage in ${STAGES}`)
@Check('campaign_stage_change_to_stage_check', `to_stage in ${STAGES}`)
@Check('campaign_stage_change_note_check', 'length(note) <= 1000')
export class CampaignStageChangeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'campaign_id' }) campaignId: string;
  @Column({ type: 'text', name: 'from_stage', nullable: true }) fromStage: CampaignStage | null;
  @Column({ type: 'text', name: 'to_stage' }) toStage: CampaignStage;
  @Timestamp('changed_at', { nullable: false, default: () => 'clock_timestamp()' }) changedAt: Date;
  @Reference(() => UserEntity, 'changed_by', { name: 'campaign_stage_change_by_fk' })
  changedBy: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
}

@Entity('milestone')
@SameLocal(() => CampaignEntity, 'campaignId', { name: 'milestone_campaign_fk', onDelete: 'CASCADE' })
@Index('milestone_campaign_idx', ['campaignId', 'createdAt', 'id'])
@Check('milestone_title_check', 'length(title) between 1 and 200')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @Column({ type: 'uuid', name: 'campaign_id' }) campaignId: string;
  @Column({ type: 'text' }) title: string;
  @Timestamp('due_at') dueAt: Date | null;
  @Timestamp('done_at') doneAt: Date | null;
  @CreatedAt() createdAt: Date;
}

@Entity('campaign_petition')
@SameLocal(() => CampaignEntity, 'campaignId', { name: 'campaign_petition_campaign_fk', onDelete: 'CASCADE' })
@SameLocal(() => PetitionEntity, 'petitionId', { name: 'campaign_petition_petition_fk', onDelete: 'CASCADE' })
@Index('campaign_petition_petition_idx', ['petitionId'])
export class CampaignPetitionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'campaign_id' }) campaignId: string;
  @PrimaryColumn({ type: 'uuid', name: 'petition_id' }) petitionId: string;
  @Column({ type: 'uuid', name: 'local_id' }) localId: string;
  @CreatedAt() createdAt: Date;
}
