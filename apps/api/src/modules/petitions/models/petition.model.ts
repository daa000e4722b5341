import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PetitionStatus, SignatureMethod } from '@juntos/common';
import { PetitionEntity, SignatureEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';
import { Unit } from '../../workplaces/models/workplace.model';

registerEnumType(PetitionStatus, { name: 'PetitionStatus' });
registerEnumType(SignatureMethod, { name: 'SignatureMethod' });

@ObjectType({ description: 'A demand with a target, and the signatures toward its goal.' })
export class Petition {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() demand: string;
  @Field({ description: 'Whom the petition is addressed to.' }) target: string;
  @Field(() => Int, { description: 'Signatures needed; defaults to a majority of the workplace headcount.' })
  goal: number;
  @Field(() => PetitionStatus) status: PetitionStatus;
  @Field(() => Date, { nullable: true }) openedAt: Date | null;
  @Field(() => Date, { nullable: true }) deadline: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `local`, `workplace`, counts and tallies, and scope guarded fields. */
  localId: string;
  workplaceId: string | null;

  static from(e: PetitionEntity): Petition {
    return Object.assign(new Petition(), {
      id: e.id,
      title: e.title,
      demand: e.demand,
      target: e.target,
      goal: e.goal,
      status: e.status,
      openedAt: e.openedAt,
      deadline: e.deadline,
      deliveredAt: e.deliveredAt,
      createdAt: e.createdAt,
      localId: e.localId,
      workplaceId: e.workplaceId,
    });
  }
}

@ObjectType()
export class PetitionConnection extends Connection(Petition) {}

@ObjectType({ description: "One member's signature on a petition." })
export class Signature {
  @Field(() => ID) id: string;
  @Field(() => SignatureMethod) method: SignatureMethod;
  @Field() signedAt: Date;
  localId: string;
  petitionId: string;
  memberId: string;
  collectedBy: string;

  static from(e: SignatureEntity): Signature {
    return Object.assign(new Signature(), {
      id: e.id,
      method: e.method,
      signedAt: e.signedAt,
      localId: e.localId,
      petitionId: e.petitionId,
      memberId: e.memberId,
      collectedBy: e.collectedBy,
    });
  }
}

@ObjectType()
export class SignatureConnection extends Connection(Signature) {}

@ObjectType({
  description: "A unit's members and how many of them signed: which department or floor is behind.",
})
export class UnitTally {
  @Field(() => Unit) unit: Unit;
  @Field(() => Int) members: number;
  @Field(() => Int) signed: number;
}
