import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../graphql/page-info.model';
import {
  CommitteeEntity,
  CommitteeKind,
  CommitteeMembershipEntity,
  CommitteeRole,
} from '../committee.entity';

registerEnumType(CommitteeKind, { name: 'CommitteeKind' });
registerEnumType(CommitteeRole, { name: 'CommitteeRole' });

@ObjectType({
  description:
    'An organizing committee of a workplace, a building committee, a defense committee, a rapid-response team or an assembly.',
})
export class Committee {
  @Field(() => ID) id: string;
  @Field(() => CommitteeKind) kind: CommitteeKind;
  @Field() name: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  /** Not in the schema: resolve `local`, `workplace`, reach and memberships. */
  localId: string;
  workplaceId: string | null;

  static from(e: CommitteeEntity): Committee {
    return Object.assign(new Committee(), {
      id: e.id,
      kind: e.kind,
      name: e.name,
      createdAt: e.createdAt,
      archivedAt: e.archivedAt,
      localId: e.localId,
      workplaceId: e.workplaceId,
    });
  }
}

@ObjectType()
export class CommitteeConnection extends Connection(Committee) {}

@ObjectType({ description: "One member's seat on a committee, the unit they cover and their contacts." })
export class CommitteeMembership {
  @Field(() => ID) id: string;
  @Field(() => CommitteeRole) role: CommitteeRole;
  @Field({ description: 'When they took the seat.' }) since: Date;
  localId: string;
  committeeId: string;
  memberId: string;
  unitId: string | null;

  static from(e: CommitteeMembershipEntity): CommitteeMembership {
    return Object.assign(new CommitteeMembership(), {
      id: e.id,
      role: e.role,
      since: e.createdAt,
      localId: e.localId,
      committeeId: e.committeeId,
      memberId: e.memberId,
      unitId: e.unitId,
    });
  }
}

@ObjectType()
export class CommitteeMembershipConnection extends Connection(CommitteeMembership) {}
