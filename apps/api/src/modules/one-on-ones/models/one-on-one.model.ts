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
  @Field(() => String, { nullable: true }) nextStep: string | null;
  @Field(() => Date, { nullable: true }) followUpAt: Date | null;
  @Field(() => Date, { nullable: true }) followUpDoneAt: Date | null;
  @Field() createdAt: Date;
  /** Not in the schema: resolve `member` and `steward`, and scope guarded fields. */
  localId: string;
  memberId: string;
  stewardId: string;
  /** The notes as stored (ciphertext): `notes` is resolved from it, decrypted for this row only. */
  sealedNotes: string | null;

  static from(e: OneOnOneEntity): OneOnOne {
    return Object.assign(new OneOnOne(), {
      id: e.id,
      occurredAt: e.occurredAt,
      channel: e.channel,
      supportLevel: e.supportLevel,
      issues: e.issues,
      sealedNotes: e.notes,
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
