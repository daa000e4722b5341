import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsUUID } from 'class-validator';
import { IdField, RequiredText } from '../../../graphql/fields';
import { LIST_MAX } from '../../../graphql/query-cost';
import { CommitteeKind, CommitteeRole } from '../committee.entity';

export const MAX_CONTACTS_BATCH = LIST_MAX.contactsBatch;

@InputType()
export class CommitteeInput {
  @IdField() localId: string;

  @IdField({ optional: true, description: 'Leave out for a committee of the whole local or a neighborhood.' })
  workplaceId?: string | null;

  @Field(() => CommitteeKind) @IsEnum(CommitteeKind) kind: CommitteeKind;

  @RequiredText(200) name: string;
}

@InputType()
export class CommitteeMembershipInput {
  @IdField() committeeId: string;
  @IdField() memberId: string;
  @Field(() => CommitteeRole) @IsEnum(CommitteeRole) role: CommitteeRole;
  @IdField({ optional: true, description: "A unit of the committee's workplace." }) unitId?: string | null;
}

@InputType({
  description:
    'Assigns members to a committee member; a member has at most one contact per committee, so this moves them.',
})
export class AssignContactsInput {
  @IdField() membershipId: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'memberIds must name at least one member' })
  @ArrayMaxSize(MAX_CONTACTS_BATCH, { message: `memberIds takes at most ${MAX_CONTACTS_BATCH} members` })
  @IsUUID('all', { each: true, message: 'memberIds must be ids' })
  memberIds: string[];
}
