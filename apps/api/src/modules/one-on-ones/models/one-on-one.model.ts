import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConversationChannel } from '@juntos/common';
import { OneOnOneEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

registerEnumType(ConversationChannel, { name: 'ConversationChannel' });

@ObjectType({ description: 'A structured organizing conversation.' })
export class OneOnOne {
  @Field(() => ID) id: string;
  @Field() occurredAt: Date;
  @Field(() => ConversationChannel) channel: ConversationChannel;
  @Field(() => Int, { nullable: true, description: 'The assessment made in this conversation, 1 to 5.' })
  supportLevel: number | null;
  @Field(() => [String]) issues: string[];
  @Field(() => String, { nullable: true, description: 'Stored encrypted at rest.' }) notes: string | null;
  @Field(() => String, { nullable: true }) nextStep: string | null;
  @Field(() => Date, { nullable: true }) followUpAt: Date | null;
  @Field(() => Date, { nullable: true }) followUpDoneAt: Date | null;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `member` and `steward`, and scope guarded fields. */
  localId: string;
  memberId: string;
  stewardId: string;

  /** `notes` arrives decrypted: only a viewer allowed to read the conversation gets here. */
  static from(e: OneOnOneEntity, notes: string | null): OneOnOne {
    return Object.assign(new OneOnOne(), {
      id: e.id,
      occurredAt: e.occurredAt,
      channel: e.channel,
      supportLevel: e.supportLevel,
      issues: e.issues,
      notes,
      nextStep: e.nextStep,
      followUpAt: e.followUpAt,
      followUpDoneAt: e.followUpDoneAt,
      createdAt: e.createdAt,
      localId: e.localId,
      memberId: e.memberId,
      stewardId: e.stewardId,
    });
  }
}

@ObjectType()
export class OneOnOneConnection extends Connection(OneOnOne) {}
