import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField, OptionalText } from '../../../graphql/fields';
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
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { MembershipStatus } from '@juntos/common';
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

const NAME = { message: '$property must be 1 to 100 characters' };

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

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'cardSignedAt must be a date and time' })
  cardSignedAt?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description: 'At most 20, each at most 40 characters; stored lowercase.',
  })
  @Transform(whenList(normalizeTags))
  @IsOptional()
  @ArrayMaxSize(20, { message: 'at most 20 tags' })
  @IsString({ each: true })
  @Length(1, 40, { each: true, message: 'each tag must be 1 to 40 characters' })
  tags?: string[] | null;
}

@InputType()
export class MemberInput extends MemberFields {
  @IdField()
  localId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 100, NAME)
  firstName: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 100, NAME)
  lastName: string;
}

/** Only the fields given change; null clears an optional field. */
@InputType()
export class UpdateMemberInput extends MemberFields {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @ValidateIf((o) => o.firstName !== undefined)
  @IsString()
  @Length(1, 100, NAME)
  firstName?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @ValidateIf((o) => o.lastName !== undefined)
  @IsString()
  @Length(1, 100, NAME)
  lastName?: string;
}

@InputType()
export class MemberFilter {
  @IdField({ optional: true })
  workplaceId?: string;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'supportLevel must be 1 to 5' })
  @Max(5, { message: 'supportLevel must be 1 to 5' })
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
