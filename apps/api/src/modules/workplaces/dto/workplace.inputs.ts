import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IdField, OptionalText, RequiredText } from '../../../graphql/fields';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { WorkplaceKind } from '@juntos/common';
import { trimEach } from '../../../graphql/transforms';

/** What a workplace carries besides its name and kind: the same rules on create and on update. */
@InputType({ isAbstract: true })
abstract class WorkplaceDetails {
  @OptionalText(200, 'The employer of a worksite, the landlord of a building.')
  employer?: string | null;

  @OptionalText(500)
  address?: string | null;

  @Field(() => Int, { nullable: true, description: 'Workers at the worksite, or homes in the building.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'headcount must be 0 or more' })
  @Max(1_000_000, { message: 'headcount must be at most 1,000,000' })
  headcount?: number | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Departments and shifts, or homes. On update, the full list: existing units are kept by name, new ones added.',
  })
  @Transform(trimEach)
  @IsOptional()
  @ArrayMaxSize(1000, { message: 'at most 1,000 units' })
  @Length(1, 100, { each: true, message: 'each unit name must be 1 to 100 characters' })
  units?: string[] | null;
}

@InputType()
export class WorkplaceInput extends WorkplaceDetails {
  @IdField()
  localId: string;

  @RequiredText(200)
  name: string;

  @Field(() => WorkplaceKind)
  @IsEnum(WorkplaceKind)
  kind: WorkplaceKind;
}

@InputType()
export class UpdateWorkplaceInput extends WorkplaceDetails {
  @RequiredText(200, { mayLeaveOut: true })
  name?: string;
}
