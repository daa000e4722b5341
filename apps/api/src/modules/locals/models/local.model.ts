import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalKind } from '@juntos/common';
import { LocalEntity } from '@juntos/db';

registerEnumType(LocalKind, { name: 'LocalKind' });

@ObjectType({ description: 'A union local or a tenant union: the boundary of all data.' })
export class Local {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => LocalKind) kind: LocalKind;
  @Field() createdAt: Date;

  static from(e: LocalEntity): Local {
    return Object.assign(new Local(), { id: e.id, name: e.name, kind: e.kind, createdAt: e.createdAt });
  }
}
