import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField, OptionalText } from '../../../graphql/fields';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CampaignStage, DecisionBody } from '@juntos/common';
import { trim } from '../../../graphql/transforms';

const VOTES = { message: 'vote counts must be whole numbers from 0' };

@InputType()
export class CampaignInput {
  @IdField() localId: string;
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 20_000, { message: 'resolutionText must be 1 to 20,000 characters' })
  resolutionText: string;
  @Field(() => DecisionBody) @IsEnum(DecisionBody) decisionBody: DecisionBody;
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'meetingAt must be a date and time' })
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
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'dueAt must be a date and time' })
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
