import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WorkplaceKind } from '@juntos/common';
import { UnitEntity, WorkplaceEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

registerEnumType(WorkplaceKind, { name: 'WorkplaceKind' });

@ObjectType({ description: 'A department or shift of a worksite, or a home in a building.' })
export class Unit {
  @Field(() => ID) id: string;
  @Field() name: string;

  static from(e: UnitEntity): Unit {
    return Object.assign(new Unit(), { id: e.id, name: e.name });
  }
}

@ObjectType({ description: 'A worksite, or a residential building (kind BUILDING).' })
export class Workplace {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => WorkplaceKind) kind: WorkplaceKind;
  @Field(() => String, {
    nullable: true,
    description: 'The employer of a worksite, the landlord of a building.',
  })
  employer: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Workers at the worksite, or homes in the building: the base of majority goals.',
  })
  headcount: number | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  /** Not in the schema: resolves `local` and scopes guarded fields. */
  localId: string;

  static from(e: WorkplaceEntity): Workplace {
    return Object.assign(new Workplace(), {
      id: e.id,
      name: e.name,
      kind: e.kind,
      employer: e.employer,
      address: e.address,
      headcount: e.headcount,
      archivedAt: e.archivedAt,
      localId: e.localId,
    });
  }
}

@ObjectType()
export class WorkplaceConnection extends Connection(Workplace) {}
