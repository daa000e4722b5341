import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SessionEntity } from '@juntos/db';

@ObjectType({ description: 'A signed-in device: what one sign-in and its refreshes keep alive.' })
export class Session {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'The browser or app, as its user agent names it, cut to 200 characters.',
  })
  userAgent: string | null;
  @Field({ description: 'The session making this request.' }) current: boolean;

  static from(e: SessionEntity, currentSessionId: string): Session {
    return Object.assign(new Session(), {
      id: e.id,
      createdAt: e.createdAt,
      lastUsedAt: e.lastUsedAt,
      userAgent: e.userAgent,
      current: e.id === currentSessionId,
    });
  }
}
