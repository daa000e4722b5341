import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { MembersService, PossibleDuplicatePair } from './members.service';
import { Member } from './models/member.model';
import {
  ContactField,
  PossibleDuplicate,
  PossibleDuplicateConnection,
} from './models/possible-duplicate.model';

const toModel = (p: PossibleDuplicatePair): PossibleDuplicate =>
  Object.assign(new PossibleDuplicate(), {
    id: p.id,
    localId: p.localId,
    member: Member.from(p.member),
    other: Member.from(p.other),
    matchedOn: p.matched as ContactField[],
    createdAt: p.createdAt,
  });

/** The organizers' review of members who may be one person (README: "Workplaces and members"). */
@Resolver(() => PossibleDuplicate)
export class PossibleDuplicatesResolver {
  constructor(private readonly memberService: MembersService) {}

  @Query(() => PossibleDuplicateConnection, {
    description: 'Pairs of members who share an email or phone, oldest first (organizers and admins).',
    complexity: pageCost,
  })
  @Authorize('members:manage')
  async possibleDuplicates(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<PossibleDuplicateConnection> {
    const page = await this.memberService.possibleDuplicates(ctx, localId, first, after);
    return mapPage(page, toModel);
  }

  @Mutation(() => Boolean, { description: 'The two are different people: the flag goes, both records stay.' })
  @Authorize('members:manage')
  dismissPossibleDuplicate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.memberService.dismissPossibleDuplicate(ctx, id);
  }

  @Mutation(() => Member, {
    description:
      'One person: keepMemberId (either of the pair) stays, fills its blanks from the other and takes over its one-on-ones and signatures; the other record is deleted.',
  })
  @Authorize('members:manage')
  async mergePossibleDuplicate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('keepMemberId', { type: () => ID }, UuidPipe) keepMemberId: string,
  ): Promise<Member> {
    return Member.from(await this.memberService.mergePossibleDuplicate(ctx, id, keepMemberId));
  }
}
