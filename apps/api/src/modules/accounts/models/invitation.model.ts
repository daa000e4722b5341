import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@juntos/common';
import { InvitationEntity } from '@juntos/db';

@ObjectType()
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => String, {
    nullable: true,
    description: 'One-time secret, shown only in the createInvitation answer; handed over out of band.',
  })
  token: string | null;
  @Field() expiresAt: Date;
  /** Not in the schema: resolves `local`. */
  localId: string;

  static from(e: InvitationEntity, token: string | null): Invitation {
    return Object.assign(new Invitation(), {
      id: e.id,
      email: e.email,
      role: e.role,
      token,
      expiresAt: e.expiresAt,
      localId: e.localId,
    });
  }
}
