import { Field, InputType, Int } from '@nestjs/graphql';
import { IdField, OptionalDate, OptionalText, RequiredText } from '../../../graphql/fields';
import { IsDate, IsEnum, IsInt, Max, Min } from 'class-validator';
import { CampaignStage, DecisionBody } from '@juntos/common';

const VOTES = { message: 'vote counts must be whole numbers from 0' };

@InputType()
export class CampaignInput {
  @IdField() localId: string;
  @RequiredText(200)
  title: string;
  @RequiredText(20_000)
  resolutionText: string;
  @Field(() => DecisionBody) @IsEnum(DecisionBody) decisionBody: DecisionBody;
  @OptionalDate()
  meetingAt?: Date | null;
}

@InputType()
export class AdvanceStageInput {
  @IdField() campaignId: string;
  @Field(() => CampaignStage) @IsEnum(CampaignStage) stage: CampaignStage;
  @OptionalText(1000)
  note?: string | null;
}

@InputType()
export class MilestoneInput {
  @IdField() campaignId: string;
  @RequiredText(200)
  title: string;
  @OptionalDate()
  dueAt?: Date | null;
}

@InputType()
export class RecordVoteInput {
  @IdField() campaignId: string;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) votesFor: number;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) votesAgainst: number;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) abstentions: number;
  @Field(() => Date) @IsDate({ message: 'heldAt must be a date and time' }) heldAt: Date;
}
