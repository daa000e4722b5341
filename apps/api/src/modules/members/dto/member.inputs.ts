import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField, OptionalDate, OptionalText, RequiredText } from '../../../graphql/fields';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { MembershipStatus, stacked } from '@juntos/common';
import { lowerTrim, lowerTrimToNull, trim, whenList } from '../../../graphql/transforms';
import { canonicalLanguage, normalizeTags } from '../member-fields';

const language = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim();
  return v ? (canonicalLanguage(v) ?? v) : null;
};

@ValidatorConstraint({ name: 'bcp47' })
class Bcp47 implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && canonicalLanguage(value) === value;
  }
  defaultMessage(): string {
    return 'preferredLanguage must be a BCP-47 language tag, such as es, en or zh-Hant';
  }
}

/** A support level, 1 to 5: the assessment a one-on-one makes and a member carries. */
export function OptionalSupportLevel(description?: string): PropertyDecorator {
  const message = { message: 'supportLevel must be 1 to 5' };
  return stacked(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    IsInt(),
    Min(1, message),
    Max(5, message),
  );
}

/** A list of labels (a member's tags, a conversation's issues): lowercased, without blanks or repeats. */
export function TagList(maxItems: number, maxLength: number, noun: string): PropertyDecorator {
  return stacked(
    Field(() => [String], {
      nullable: true,
      description: `At most ${maxItems}, each at most ${maxLength} characters; stored lowercase.`,
    }),
    Transform(whenList(normalizeTags)),
    IsOptional(),
    ArrayMaxSize(maxItems, { message: `at most ${maxItems} ${noun}s` }),
    IsString({ each: true }),
    Length(1, maxLength, { each: true, message: `each ${noun} must be 1 to ${maxLength} characters` }),
  );
}

/** The fields a member record takes, with the rules both GraphQL and the CSV import apply. */
@InputType({ isAbstract: true })
abstract class MemberFields {
  @IdField({ optional: true })
  workplaceId?: string | null;

  @IdField({ optional: true })
  unitId?: string | null;

  @OptionalText(100)
  preferredName?: string | null;

  @OptionalText(40, 'Stored in E.164; read in PHONE_DEFAULT_REGION unless it starts with +.')
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Stored lowercased.' })
  @Transform(lowerTrimToNull)
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP-47 tag, e.g. es, en, zh-Hant.' })
  @Transform(language)
  @IsOptional()
  @Validate(Bcp47)
  preferredLanguage?: string | null;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus, { message: 'status must be PROSPECT, MEMBER, NON_MEMBER or FORMER' })
  status?: MembershipStatus | null;

  @OptionalDate()
  cardSignedAt?: Date | null;

  @TagList(20, 40, 'tag')
  tags?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Consent to receive rapid-response alerts by text message. A new member starts without it (false); on an update, null or left out keeps it.',
  })
  @IsOptional()
  @IsBoolean({ message: 'alertOptIn must be true or false' })
  alertOptIn?: boolean | null;
}

@InputType()
export class MemberInput extends MemberFields {
  @IdField()
  localId: string;

  @RequiredText(100)
  firstName: string;

  @RequiredText(100)
  lastName: string;
}

/** Only the fields given change; null clears an optional field. */
@InputType()
export class UpdateMemberInput extends MemberFields {
  @RequiredText(100, { mayLeaveOut: true })
  firstName?: string;

  @RequiredText(100, { mayLeaveOut: true })
  lastName?: string;
}

@InputType()
export class MemberFilter {
  @IdField({ optional: true })
  workplaceId?: string;

  @IdField({ optional: true, description: 'Members of this unit (a department, shift or home).' })
  unitId?: string;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;

  @OptionalSupportLevel()
  supportLevel?: number;

  @Field(() => String, { nullable: true })
  @Transform(lowerTrim)
  @IsOptional()
  @IsString()
  @Length(1, 40, { message: 'tag must be 1 to 40 characters' })
  tag?: string;

  @Field(() => String, { nullable: true, description: 'Matches names, email and phone.' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'search must be 1 to 100 characters' })
  search?: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Members with no one-on-one since this time (or never).',
  })
  @IsOptional()
  @IsDate()
  notContactedSince?: Date;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}
