import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../graphql/page-info.model';
import { listCost } from '../../../graphql/query-cost';
import { Member } from './member.model';

export enum ContactField {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(ContactField, { name: 'ContactField' });

@ObjectType({
  description:
    "Two members of a local with the same email or phone: a steward's write that met a member outside their workplaces is kept and flagged here, for an organizer to merge or dismiss.",
})
export class PossibleDuplicate {
  @Field(() => ID) id: string;
  @Field(() => Member, { description: 'The member whose create or update met the other.' })
  member: Member;
  @Field(() => Member, { description: 'The member who already had the detail.' })
  other: Member;
  @Field(() => [ContactField], { complexity: listCost(2) }) matchedOn: ContactField[];
  @Field() createdAt: Date;
  /** Not in the schema: guards the nested members' fields. */
  localId: string;
}

@ObjectType()
export class PossibleDuplicateConnection extends Connection(PossibleDuplicate) {}
