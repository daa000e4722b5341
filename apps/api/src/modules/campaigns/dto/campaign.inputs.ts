import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CampaignStage, DecisionBody } from '@juntos/common';
import { trim, trimToNull } from '../../../graphql/transforms';

const VOTES = { message: 'vote counts must be whole numbers from 0' };

@InputType()
export class CampaignInput {
  @Field(() => ID) @IsUUID('all', { message: 'localId must be an id' }) localId: string;
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
  @Field(() => ID) @IsUUID('all', { message: 'campaignId must be an id' }) campaignId: string;
  @Field(() => CampaignStage) @IsEnum(CampaignStage) stage: CampaignStage;
  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'note must be at most 1,000 characters' })
  note?: string | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => ID) @IsUUID('all', { message: 'campaignId must be an id' }) campaignId: string;
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
  @Field(() => ID) @IsUUID('all', { message: 'campaignId must be an id' }) campaignId: string;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) votesFor: number;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) votesAgainst: number;
  @Field(() => Int) @IsInt(VOTES) @Min(0, VOTES) @Max(10_000_000) abstentions: number;
  @Field(() => Date) @IsDate({ message: 'heldAt must be a date and time' }) heldAt: Date;
}
