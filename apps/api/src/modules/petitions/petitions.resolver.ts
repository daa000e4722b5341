import {
  Args,
  Context,
  Float,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { mapPage, PetitionStatus } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { User } from '../accounts/models/user.model';
import { loadUser } from '../accounts/user.loader';
import { UsersService } from '../accounts/users.service';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { Member } from '../members/models/member.model';
import { loadMember } from '../members/member.loader';
import { MembersService } from '../members/members.service';
import { Workplace } from '../workplaces/models/workplace.model';
import { loadWorkplace } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { AddSignatureInput, PetitionInput } from './dto/petition.inputs';
import {
  Petition,
  PetitionConnection,
  Signature,
  SignatureConnection,
  UnitTally,
} from './models/petition.model';
import {
  loadFirstSignatures,
  loadSignatureCount,
  loadUnitTallies,
  prefetchSignatureCounts,
  requirePetition,
} from './petition.loaders';
import { progressOf } from './petition-rules';
import { PetitionsService } from './petitions.service';

@Resolver(() => Petition)
export class PetitionsResolver {
  constructor(
    private readonly petitionService: PetitionsService,
    private readonly locals: LocalsService,
    private readonly workplaces: WorkplacesService,
  ) {}

  @Query(() => PetitionConnection, {
    description: "The local's petitions, newest first, for every role of the local.",
    complexity: pageCost,
  })
  @Authorize('petitions:read')
  async petitions(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('status', { type: () => PetitionStatus, nullable: true }) status?: PetitionStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<PetitionConnection> {
    const page = await this.petitionService.list(ctx, localId, status, first, after);
    const connection = mapPage(page, Petition.from);
    if (req && info)
      await prefetchSignatureCounts(req, ctx, this.petitionService, localId, connection.nodes, info, [
        'nodes',
      ]);
    return connection;
  }

  @Query(() => Petition, { nullable: true })
  @Authorize('petitions:read')
  async petition(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Petition | null> {
    const p = await this.petitionService.get(ctx, id);
    return p ? Petition.from(p) : null;
  }

  @Mutation(() => Petition)
  @Authorize('petitions:manage')
  async createPetition(@Ctx() ctx: RequestContext, @Args('input') input: PetitionInput): Promise<Petition> {
    return Petition.from(await this.petitionService.create(ctx, input));
  }

  @Mutation(() => Petition)
  @Authorize('petitions:manage')
  async openPetition(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Petition> {
    return Petition.from(await this.petitionService.open(ctx, id));
  }

  @Mutation(() => Petition)
  @Authorize('petitions:manage')
  async deliverPetition(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Petition> {
    return Petition.from(await this.petitionService.deliver(ctx, id));
  }

  @Mutation(() => Petition, {
    description: 'Ends a petition: WON or LOST once delivered, or CLOSED from any state.',
  })
  @Authorize('petitions:manage')
  async closePetition(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('status', { type: () => PetitionStatus }) status: PetitionStatus,
  ): Promise<Petition> {
    return Petition.from(await this.petitionService.close(ctx, id, status));
  }

  @ResolveField(() => Local)
  @Authorize('petitions:read')
  local(@Ctx() ctx: RequestContext, @Parent() p: Petition, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, p.localId);
  }

  @ResolveField(() => Workplace, {
    nullable: true,
    description: 'Null for a petition across the whole local.',
  })
  @Authorize('petitions:read')
  workplace(
    @Ctx() ctx: RequestContext,
    @Parent() p: Petition,
    @Context('req') req: object,
  ): Promise<Workplace | null> | null {
    // As `workplace(id)` would answer: null for a steward's unassigned workplace.
    return p.workplaceId ? loadWorkplace(req, ctx, this.workplaces, p.localId, p.workplaceId) : null;
  }

  @ResolveField(() => Int)
  @Authorize('petitions:read')
  signatureCount(
    @Ctx() ctx: RequestContext,
    @Parent() p: Petition,
    @Context('req') req: object,
  ): Promise<number> {
    return loadSignatureCount(req, ctx, this.petitionService, p.localId, p.id);
  }

  @ResolveField(() => Float, { description: 'signatureCount / goal, 0 when goal is 0.' })
  @Authorize('petitions:read')
  async progress(
    @Ctx() ctx: RequestContext,
    @Parent() p: Petition,
    @Context('req') req: object,
  ): Promise<number> {
    return progressOf(await loadSignatureCount(req, ctx, this.petitionService, p.localId, p.id), p.goal);
  }

  @ResolveField(() => [UnitTally], {
    complexity: listCost(LIST_MAX.units),
    description: "For a workplace petition: each unit's members and how many signed.",
  })
  @Authorize('petitions:read')
  byUnit(
    @Ctx() ctx: RequestContext,
    @Parent() p: Petition,
    @Context('req') req: object,
  ): Promise<UnitTally[]> {
    return loadUnitTallies(req, ctx, this.petitionService, p);
  }

  @ResolveField(() => SignatureConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      'Who signed. Nullable so that a viewer refused this field (a board member) keeps the rest of the answer.',
  })
  @Authorize('signatures:read')
  async signatures(
    @Ctx() ctx: RequestContext,
    @Parent() p: Petition,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<SignatureConnection> {
    // A later page goes on its own; first pages of a whole list of petitions batch.
    const page =
      after || !req
        ? await this.petitionService.signatures(ctx, p, first, after)
        : await loadFirstSignatures(req, ctx, this.petitionService, p, first);
    return mapPage(page, Signature.from);
  }
}

@Resolver(() => Signature)
export class SignaturesResolver {
  constructor(
    private readonly petitionService: PetitionsService,
    private readonly members: MembersService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Signature, { description: 'Idempotent: signing twice returns the first signature.' })
  @Authorize('signatures:write')
  async addSignature(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddSignatureInput,
  ): Promise<Signature> {
    return Signature.from(await this.petitionService.addSignature(ctx, input));
  }

  @Mutation(() => Boolean)
  @Authorize('signatures:write')
  removeSignature(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.petitionService.removeSignature(ctx, id);
  }

  @ResolveField(() => Petition)
  @Authorize('signatures:read')
  petition(
    @Ctx() ctx: RequestContext,
    @Parent() s: Signature,
    @Context('req') req: object,
  ): Promise<Petition> {
    return requirePetition(req, ctx, this.petitionService, s.localId, s.petitionId);
  }

  @ResolveField(() => Member)
  @Authorize('signatures:read')
  member(@Ctx() ctx: RequestContext, @Parent() s: Signature, @Context('req') req: object): Promise<Member> {
    return loadMember(req, ctx, this.members, s.localId, s.memberId);
  }

  @ResolveField(() => User)
  @Authorize('signatures:read')
  async collectedBy(@Parent() s: Signature, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, s.collectedBy))!;
  }
}
