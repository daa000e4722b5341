import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@juntos/common';
import { RoleAssignmentEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

@ObjectType({ description: "A user's role in one local." })
export class RoleAssignment {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `user`, `local` and `workplaces`. */
  userId: string;
  localId: string;
  workplaceIds: string[];

  static from(e: RoleAssignmentEntity, workplaceIds: string[]): RoleAssignment {
    return Object.assign(new RoleAssignment(), {
      id: e.id,
      role: e.role,
      createdAt: e.createdAt,
      userId: e.userId,
      localId: e.localId,
      workplaceIds,
    });
  }
}

@ObjectType()
export class RoleAssignmentConnection extends Connection(RoleAssignment) {}
