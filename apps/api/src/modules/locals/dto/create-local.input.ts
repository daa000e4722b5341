import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, Length } from 'class-validator';
import { LocalKind } from '@juntos/common';
import { trim } from '../../../graphql/transforms';

@InputType()
export class CreateLocalInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => LocalKind)
  @IsEnum(LocalKind)
  kind: LocalKind;
}
