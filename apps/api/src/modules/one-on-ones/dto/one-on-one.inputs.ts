import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField, OptionalText } from '../../../graphql/fields';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { ConversationChannel } from '@juntos/common';
import { whenList } from '../../../graphql/transforms';
import { normalizeTags } from '../../members/member-fields';

@InputType()
export class LogOneOnOneInput {
  @IdField()
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
  @Transform(whenList(normalizeTags))
  @IsOptional()
  @ArrayMaxSize(10, { message: 'at most 10 issues' })
  @IsString({ each: true })
  @Length(1, 60, { each: true, message: 'each issue must be 1 to 60 characters' })
  issues?: string[] | null;

  @OptionalText(10_000, 'Stored encrypted at rest.')
  notes?: string | null;

  @OptionalText(500)
  nextStep?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'followUpAt must be a date and time' })
  followUpAt?: Date | null;
}

@InputType()
export class OneOnOneFilter {
  @IdField({ optional: true })
  memberId?: string;
  @IdField({ optional: true })
  stewardId?: string;
  @IdField({ optional: true })
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
