import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
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
import { ConversationChannel } from '@juntos/common';
import { trimToNull } from '../../../graphql/transforms';
import { normalizeTags } from '../../members/member-fields';

@InputType()
export class LogOneOnOneInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'memberId must be an id' })
  memberId: string;

  @Field(() => Date, { description: 'When the conversation happened: not more than an hour ahead of now.' })
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt: Date;

  @Field(() => ConversationChannel)
  @IsEnum(ConversationChannel)
  channel: ConversationChannel;

  @Field(() => Int, { nullable: true, description: 'The assessment made in this conversation, 1 to 5.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'supportLevel must be 1 to 5' })
  @Max(5, { message: 'supportLevel must be 1 to 5' })
  supportLevel?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'At most 10, each at most 60 characters; stored lowercase.',
  })
  @Transform(({ value }) => (Array.isArray(value) ? normalizeTags(value) : value))
  @IsOptional()
  @ArrayMaxSize(10, { message: 'at most 10 issues' })
  @IsString({ each: true })
  @Length(1, 60, { each: true, message: 'each issue must be 1 to 60 characters' })
  issues?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Stored encrypted at rest.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(10_000, { message: 'notes must be at most 10,000 characters' })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'nextStep must be at most 500 characters' })
  nextStep?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'followUpAt must be a date and time' })
  followUpAt?: Date | null;
}

@InputType()
export class OneOnOneFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be an id' })
  memberId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'stewardId must be an id' })
  stewardId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workplaceId must be an id' })
  workplaceId?: string;
  @Field(() => Date, { nullable: true, description: 'Conversations on or after this time.' })
  @IsOptional()
  @IsDate()
  since?: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: open follow-ups whose time has passed; false: the rest.',
  })
  @IsOptional()
  @IsBoolean()
  followUpDue?: boolean;
}
