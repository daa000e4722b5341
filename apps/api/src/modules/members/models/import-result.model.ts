import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { heldValuesCost } from '../../../graphql/query-cost';
import { ImportFormat } from '../member-import';

@ObjectType({ description: 'A row that was skipped, by its 1-based data row number.' })
export class ImportError {
  @Field(() => Int) row: number;
  @Field() message: string;
}

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: "A CSV's shape: Juntos's own columns, or an Action Network export taken as it comes.",
});

@ObjectType()
export class ImportResult {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) skipped: number;
  @Field(() => [ImportError], { complexity: heldValuesCost }) errors: ImportError[];
  @Field(() => ImportFormat) format: ImportFormat;
  @Field(() => [String], {
    complexity: heldValuesCost,
    description:
      'Header cells of the columns the import left out, as the file spells them: columns Juntos does not know, and those it does not keep (an address, a ZIP code, a mailing list subscription).',
  })
  ignoredColumns: string[];
}
