import { Field, InputType } from '@nestjs/graphql';
import { IdField, OptionalDate, OptionalText } from '../../../graphql/fields';
import { IsBoolean, IsDate, IsEnum, IsOptional } from 'class-validator';
import { ConversationChannel } from '@juntos/common';
import { OptionalSupportLevel, TagList } from '../../members/dto/member.inputs';

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

  @OptionalSupportLevel('The assessment made in this conversation, 1 to 5.')
  supportLevel?: number | null;

  @TagList(10, 60, 'issue')
  issues?: string[] | null;

  @OptionalText(10_000, 'Stored encrypted at rest.')
  notes?: string | null;

  @OptionalText(500)
  nextStep?: string | null;

  @OptionalDate()
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
