import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@juntos/common';
import { UserEntity } from '@juntos/db';

registerEnumType(Role, { name: 'Role' });

@ObjectType({ description: 'Someone who signs in. Access comes from roles held per local.' })
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field() isPlatformAdmin: boolean;
  @Field() createdAt: Date;

  static from(e: UserEntity): User {
    return Object.assign(new User(), {
      id: e.id,
      email: e.email,
      displayName: e.displayName,
      isPlatformAdmin: e.isPlatformAdmin,
      createdAt: e.createdAt,
    });
  }
}
