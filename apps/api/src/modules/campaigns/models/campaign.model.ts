import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CampaignStage, DecisionBody } from '@juntos/common';
import { CampaignEntity, CampaignStageChangeEntity, MilestoneEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

registerEnumType(DecisionBody, { name: 'DecisionBody' });
registerEnumType(CampaignStage, { name: 'CampaignStage' });

@ObjectType()
export class StageChange {
  @Field(() => CampaignStage, { nullable: true }) from: CampaignStage | null;
  @Field(() => CampaignStage) to: CampaignStage;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) note: string | null;
  /** Not in the schema: resolves `by`. */
  byUserId: string;

  static from(e: CampaignStageChangeEntity): StageChange {
    return Object.assign(new StageChange(), {
      from: e.fromStage,
      to: e.toStage,
      at: e.changedAt,
      note: e.note,
      byUserId: e.changedBy,
    });
  }
}

@ObjectType()
export class Milestone {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;

  static from(e: MilestoneEntity): Milestone {
    return Object.assign(new Milestone(), { id: e.id, title: e.title, dueAt: e.dueAt, doneAt: e.doneAt });
  }
}

@ObjectType()
export class VoteResult {
  @Field(() => Int) votesFor: number;
  @Field(() => Int) votesAgainst: number;
  @Field(() => Int) abstentions: number;
  @Field() heldAt: Date;
}

@ObjectType()
export class CampaignProgress {
  @Field(() => Int) milestonesDone: number;
  @Field(() => Int) milestonesTotal: number;
  @Field(() => Int) signatureCount: number;
  @Field(() => Int) signatureGoal: number;
  @Field(() => Float, { description: '0 to 1: share of linked-petition goals met and milestones done.' })
  percent: number;
}

@ObjectType({ description: 'The drive to get a resolution passed by a decision body.' })
export class ResolutionCampaign {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() resolutionText: string;
  @Field(() => DecisionBody) decisionBody: DecisionBody;
  @Field(() => CampaignStage) stage: CampaignStage;
  @Field(() => Date, { nullable: true }) meetingAt: Date | null;
  @Field(() => VoteResult, { nullable: true }) vote: VoteResult | null;
  @Field() createdAt: Date;
  /** Not in the schema: resolves `local` and the lists, and scopes guarded fields. */
  localId: string;

  static from(e: CampaignEntity): ResolutionCampaign {
    const vote =
      e.voteHeldAt && e.votesFor !== null
        ? {
            votesFor: e.votesFor,
            votesAgainst: e.votesAgainst ?? 0,
            abstentions: e.abstentions ?? 0,
            heldAt: e.voteHeldAt,
          }
        : null;
    return Object.assign(new ResolutionCampaign(), {
      id: e.id,
      title: e.title,
      resolutionText: e.resolutionText,
      decisionBody: e.decisionBody,
      stage: e.stage,
      meetingAt: e.meetingAt,
      vote,
      createdAt: e.createdAt,
      localId: e.localId,
    });
  }
}

@ObjectType()
export class CampaignConnection extends Connection(ResolutionCampaign) {}
