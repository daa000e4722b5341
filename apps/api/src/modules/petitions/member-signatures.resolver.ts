import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { childPage } from '../../graphql/child-pages';
import { pageCost } from '../../graphql/query-cost';
import { Member } from '../members/models/member.model';
import { Signature, SignatureConnection } from './models/petition.model';
import { PetitionsService } from './petitions.service';

/** Member.signatures lives with the signatures it reads. */
@Resolver(() => Member)
export class MemberSignaturesResolver {
  constructor(private readonly petitions: PetitionsService) {}

  @ResolveField(() => SignatureConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      'The petitions this member signed, newest first. Nullable so that a viewer refused this field keeps the rest.',
  })
  @Authorize('signatures:read')
  async signatures(
    @Ctx() ctx: RequestContext,
    @Parent() m: Member,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<SignatureConnection | null> {
    const scope = this.petitions.signaturesScope(ctx, m.localId);
    if (!scope) return null;
    const page = await childPage(
      req,
      'member.signatures',
      scope,
      m.id,
      { first, after },
      this.petitions.memberSignatures,
    );
    return mapPage(page, Signature.from);
  }
}
