import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField } from '../../../graphql/fields';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Injectable, PipeTransform } from '@nestjs/common';
import { badInput, Role, stacked } from '@juntos/common';
import { lowerTrim } from '../../../graphql/transforms';

/** The most workplaces one steward's assignment covers; LIST_MAX.stewardWorkplaces counts on it. */
export const MAX_STEWARD_WORKPLACES = 50;
/** A STEWARD's workplaces: ids, at most MAX_STEWARD_WORKPLACES of them. */
const StewardWorkplaceIds = (description: string) =>
  stacked(
    Field(() => [ID], { nullable: true, description }),
    IsOptional(),
    ArrayMaxSize(MAX_STEWARD_WORKPLACES, {
      message: `workplaceIds lists at most ${MAX_STEWARD_WORKPLACES} workplaces: a steward's assignment covers no more.`,
    }),
    IsUUID('all', { each: true, message: 'workplaceIds must be ids' }),
  );

@InputType()
export class CreateInvitationInput {
  @IdField()
  localId: string;

  @Field()
  @Transform(lowerTrim)
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @StewardWorkplaceIds('For STEWARD: the workplaces they will work with.')
  workplaceIds?: string[];
}

@InputType()
export class GrantRoleInput {
  @IdField()
  localId: string;

  @IdField()
  userId: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @StewardWorkplaceIds('For STEWARD: the workplaces they work with.')
  workplaceIds?: string[];
}

/** An invitation token is at most 200 characters, as over REST; anything else never reaches SQL. */
@Injectable()
export class InvitationTokenPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || value.length < 1 || value.length > 200)
      throw badInput('token must be 1 to 200 characters', 'token');
    return value;
  }
}
