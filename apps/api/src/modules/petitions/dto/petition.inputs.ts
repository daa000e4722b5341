import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField } from '../../../graphql/fields';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SignatureMethod } from '@juntos/common';
import { trim } from '../../../graphql/transforms';

@InputType()
export class PetitionInput {
  @IdField() localId: string;

  @IdField({ optional: true, description: 'Leave out for a petition across the whole local.' })
  workplaceId?: string | null;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'demand must be 1 to 5,000 characters' })
  demand: string;

  @Field({ description: 'Whom the petition is addressed to.' })
  @Transform(trim)
  @IsString()
  @Length(1, 300, { message: 'target must be 1 to 300 characters' })
  target: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Signatures needed; by default a majority of the workplace headcount.',
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'goal must be at least 1' })
  @Max(10_000_000)
  goal?: number | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'deadline must be a date and time' })
  deadline?: Date | null;
}

@InputType()
export class AddSignatureInput {
  @IdField() petitionId: string;
  @IdField() memberId: string;
  @Field(() => SignatureMethod) @IsEnum(SignatureMethod) method: SignatureMethod;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was signed; now by default. Not in the future.',
  })
  @IsOptional()
  @IsDate({ message: 'signedAt must be a date and time' })
  signedAt?: Date | null;
}
