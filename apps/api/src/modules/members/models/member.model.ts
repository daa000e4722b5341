import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MembershipStatus, PageCount } from '@juntos/common';
import { MemberEntity } from '@juntos/db';
import { Connection } from '../../../graphql/page-info.model';

registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

@ObjectType({ description: 'A person the local organizes, whether a member yet or not.' })
export class Member {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => String, { nullable: true }) preferredName: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true, description: 'BCP-47 tag, e.g. es, en, zh-Hant.' })
  preferredLanguage: string | null;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Date, { nullable: true }) cardSignedAt: Date | null;
  @Field(() => Int, {
    nullable: true,
    description:
      '1 leader, 2 supporter, 3 undecided, 4 leaning against, 5 opposed; null when never assessed.',
  })
  supportLevel: number | null;
  @Field(() => Date, { nullable: true }) lastContactAt: Date | null;
  @Field(() => [String]) tags: string[];
  @Field(() => Boolean, { description: 'Consent to receive rapid-response alerts by text message.' })
  alertOptIn: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  /** Not in the schema: resolve `local`, `workplace` and `unit`, and scope guarded fields. */
  localId: string;
  workplaceId: string | null;
  unitId: string | null;

  static from(e: MemberEntity): Member {
    return Object.assign(new Member(), {
      id: e.id,
      firstName: e.firstName,
      lastName: e.lastName,
      preferredName: e.preferredName,
      phone: e.phone,
      email: e.email,
      preferredLanguage: e.preferredLanguage,
      status: e.status,
      cardSignedAt: e.cardSignedAt,
      supportLevel: e.supportLevel,
      lastContactAt: e.lastContactAt,
      tags: e.tags,
      alertOptIn: e.alertOptIn,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      archivedAt: e.archivedAt,
      localId: e.localId,
      workplaceId: e.workplaceId,
      unitId: e.unitId,
    });
  }
}

@ObjectType()
export class MemberConnection extends Connection(Member) {
  @Field(() => Int, {
    description:
      "How many members match, counted only when selected. In members(): exact up to the server's MEMBER_COUNT_EXACT_LIMIT (10,000 unless set); past it the database planner's estimate, never below the limit plus one, and totalCountIsExact is false.",
  })
  declare totalCount: PageCount;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'In members(): false when totalCount is an estimate past the exact-count limit. Null on lists that always count exactly.',
  })
  totalCountIsExact?: boolean | null;
}
