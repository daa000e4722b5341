import { Field, InputType, Int } from '@nestjs/graphql';
import { IdField, OptionalDate, RequiredText } from '../../../graphql/fields';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SignatureMethod } from '@juntos/common';

@InputType()
export class PetitionInput {
  @IdField() localId: string;

  @IdField({ optional: true, description: 'Leave out for a petition across the whole local.' })
  workplaceId?: string | null;

  @RequiredText(200)
  title: string;

  @RequiredText(5000)
  demand: string;

  @RequiredText(300, { description: 'Whom the petition is addressed to.' })
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

  @OptionalDate()
  deadline?: Date | null;
}

@InputType()
export class AddSignatureInput {
  @IdField() petitionId: string;
  @IdField() memberId: string;
  @Field(() => SignatureMethod) @IsEnum(SignatureMethod) method: SignatureMethod;
  @OptionalDate('When it was signed; now by default. Not in the future.')
  signedAt?: Date | null;
}
