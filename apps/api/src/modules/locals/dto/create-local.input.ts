import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { LocalKind } from '@juntos/common';
import { RequiredText } from '../../../graphql/fields';

@InputType()
export class CreateLocalInput {
  @RequiredText(200)
  name: string;

  @Field(() => LocalKind)
  @IsEnum(LocalKind)
  kind: LocalKind;
}
