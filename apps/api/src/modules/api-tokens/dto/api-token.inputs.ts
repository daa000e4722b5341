import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum } from 'class-validator';
import { IdField, RequiredText } from '../../../graphql/fields';
import { ApiScope } from '../api-token.entity';

@InputType()
export class ApiTokenInput {
  @IdField() localId: string;

  @RequiredText(100, { description: 'Says what uses the token, e.g. "Action Network sync".' })
  name: string;

  @Field(() => [ApiScope])
  @ArrayMinSize(1, { message: 'scopes must name OSDI_READ, OSDI_WRITE or both' })
  @ArrayMaxSize(2, { message: 'scopes must name OSDI_READ, OSDI_WRITE or both' })
  @IsEnum(ApiScope, { each: true, message: 'scopes must name OSDI_READ, OSDI_WRITE or both' })
  scopes: ApiScope[];
}
