import { Field, Int, ObjectType } from '@nestjs/graphql';
import { heldValuesCost } from '../../../graphql/query-cost';

@ObjectType({ description: 'A row that was skipped, by its 1-based data row number.' })
export class ImportError {
  @Field(() => Int) row: number;
  @Field() message: string;
}

@ObjectType()
export class ImportResult {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) skipped: number;
  @Field(() => [ImportError], { complexity: heldValuesCost }) errors: ImportError[];
}
