import {
  Args,
  Context,
  Float,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { pageCost } from '../../graphql/query-cost';
import { OptionalUuidPipe, UuidPipe } from '../../graphql/uuid.pipe';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { loadMember } from '../members/member.loader';
import { MembersService } from '../members/members.service';
import { Member, MemberConnection } from '../members/models/member.model';
import { Unit, Workplace } from '../workplaces/models/workplace.model';
import { loadUnits, loadWorkplace } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { CommitteeKind } from './committee.entity';
import {
  loadContactCount,
  loadFirstContacts,
  loadFirstMemberships,
  loadReach,
  requireCommittee,
} from './committee.loaders';
import { CommitteesService } from './committees.service';
import { AssignContactsInput, CommitteeInput, CommitteeMembershipInput } from './dto/committee.inputs';
import {
  Committee,
  CommitteeConnection,
  CommitteeMembership,
  CommitteeMembershipConnection,
} from './models/committee.model';

@Resolver(() => Committee)
export class CommitteesResolver {
  constructor(
    private readonly committeeService: CommitteesService,
    private readonly locals: LocalsService,
    private readonly workplaces: WorkplacesService,
  ) {}

  @Query(() => CommitteeConnection, {
    description: 'Oldest first, archived ones included.',
    complexity: pageCost,
  })
  @Authorize('committees:read')
  async committees(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('kind', { type: () => CommitteeKind, nullable: true }) kind?: CommitteeKind,
    @Args('workplaceId', { type: () => ID, nullable: true }, OptionalUuidPipe) workplaceId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CommitteeConnection> {
    const page = await this.committeeService.list(ctx, localId, { kind, workplaceId }, first, after);
    return mapPage(page, Committee.from);
  }

  @Query(() => Committee, { nullable: true })
  @Authorize('committees:read')
  async committee(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Committee | null> {
    const c = await this.committeeService.get(ctx, id);
    return c ? Committee.from(c) : null;
  }

  @Mutation(() => Committee)
  @Authorize('committees:manage')
  async createCommittee(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CommitteeInput,
  ): Promise<Committee> {
    return Committee.from(await this.committeeService.create(ctx, input));
  }

  @Mutation(() => Committee, {
    description: 'Keeps the committee, its seats and contacts; it takes no new members or contacts.',
  })
  @Authorize('committees:manage')
  async archiveCommittee(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Committee> {
    return Committee.from(await this.committeeService.archive(ctx, id));
  }

  @ResolveField(() => Local)
  @Authorize('committees:read')
  local(@Ctx() ctx: RequestContext, @Parent() c: Committee, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, c.localId);
  }

  @ResolveField(() => Workplace, {
    nullable: true,
    description: 'Null for a committee of the whole local or a neighborhood.',
  })
  @Authorize('committees:read')
  workplace(
    @Ctx() ctx: RequestContext,
    @Parent() c: Committee,
    @Context('req') req: object,
  ): Promise<Workplace | null> | null {
    return c.workplaceId ? loadWorkplace(req, ctx, this.workplaces, c.localId, c.workplaceId) : null;
  }

  @ResolveField(() => Int)
  @Authorize('committees:read')
  async membershipCount(
    @Ctx() ctx: RequestContext,
    @Parent() c: Committee,
    @Context('req') req: object,
  ): Promise<number> {
    return (await loadReach(req, ctx, this.committeeService, c.localId, c.id)).seats;
  }

  @ResolveField(() => Float, {
    description:
      "Members of the committee's workplace (or local) assigned to one of its members, as a share of them.",
  })
  @Authorize('committees:read')
  async coverage(
    @Ctx() ctx: RequestContext,
    @Parent() c: Committee,
    @Context('req') req: object,
  ): Promise<number> {
    const r = await loadReach(req, ctx, this.committeeService, c.localId, c.id);
    return r.members > 0 ? r.covered / r.members : 0;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description:
      'Members of the workplace (or local) per committee member; organizers aim for 10 or fewer. Null when it has none.',
  })
  @Authorize('committees:read')
  async ratio(
    @Ctx() ctx: RequestContext,
    @Parent() c: Committee,
    @Context('req') req: object,
  ): Promise<number | null> {
    const r = await loadReach(req, ctx, this.committeeService, c.localId, c.id);
    return r.seats > 0 ? r.members / r.seats : null;
  }

  @ResolveField(() => CommitteeMembershipConnection, {
    nullable: true,
    complexity: pageCost,
    description:
      'Who sits on it. Nullable so that a viewer refused this field (a board member) keeps the rest.',
  })
  @Authorize('committees:members')
  async memberships(
    @Ctx() ctx: RequestContext,
    @Parent() c: Committee,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<CommitteeMembershipConnection> {
    const page =
      after || !req
        ? await this.committeeService.memberships(ctx, c, first, after)
        : await loadFirstMemberships(req, ctx, this.committeeService, c, first);
    return mapPage(page, CommitteeMembership.from);
  }
}

@Resolver(() => CommitteeMembership)
export class CommitteeMembershipsResolver {
  constructor(
    private readonly committeeService: CommitteesService,
    private readonly members: MembersService,
    private readonly workplaces: WorkplacesService,
  ) {}

  @Mutation(() => CommitteeMembership, { description: 'One seat per member and committee.' })
  @Authorize('committees:manage')
  async addCommitteeMember(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CommitteeMembershipInput,
  ): Promise<CommitteeMembership> {
    return CommitteeMembership.from(await this.committeeService.addMember(ctx, input));
  }

  @Mutation(() => Boolean, { description: 'Frees their contacts.' })
  @Authorize('committees:manage')
  removeCommitteeMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.committeeService.removeMember(ctx, id);
  }

  @Mutation(() => CommitteeMembership, {
    description:
      'Assigns members to a committee member; a member has at most one contact per committee, so this moves them.',
  })
  @Authorize('committees:manage')
  async assignContacts(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AssignContactsInput,
  ): Promise<CommitteeMembership> {
    return CommitteeMembership.from(await this.committeeService.assignContacts(ctx, input));
  }

  @ResolveField(() => Committee)
  @Authorize('committees:members')
  committee(
    @Ctx() ctx: RequestContext,
    @Parent() s: CommitteeMembership,
    @Context('req') req: object,
  ): Promise<Committee> {
    return requireCommittee(req, ctx, this.committeeService, s.localId, s.committeeId);
  }

  @ResolveField(() => Member)
  @Authorize('committees:members')
  member(
    @Ctx() ctx: RequestContext,
    @Parent() s: CommitteeMembership,
    @Context('req') req: object,
  ): Promise<Member> {
    return loadMember(req, ctx, this.members, s.localId, s.memberId);
  }

  @ResolveField(() => Unit, {
    nullable: true,
    description: 'The department, shift or floor this member covers.',
  })
  @Authorize('committees:members')
  async unit(
    @Ctx() ctx: RequestContext,
    @Parent() s: CommitteeMembership,
    @Context('req') req: object,
  ): Promise<Unit | null> {
    if (!s.unitId) return null;
    const c = await requireCommittee(req, ctx, this.committeeService, s.localId, s.committeeId);
    if (!c.workplaceId) return null;
    const units = await loadUnits(req, ctx, this.workplaces, s.localId, c.workplaceId);
    return units.find((u) => u.id === s.unitId) ?? null;
  }

  @ResolveField(() => Int, { description: 'Members this committee member keeps in touch with.' })
  @Authorize('committees:members')
  contactCount(
    @Ctx() ctx: RequestContext,
    @Parent() s: CommitteeMembership,
    @Context('req') req: object,
  ): Promise<number> {
    return loadContactCount(req, ctx, this.committeeService, s.localId, s.id);
  }

  @ResolveField(() => MemberConnection, {
    complexity: pageCost,
    description: 'Members this committee member keeps in touch with, in the order assigned.',
  })
  @Authorize('committees:members')
  async contacts(
    @Ctx() ctx: RequestContext,
    @Parent() s: CommitteeMembership,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
  ): Promise<MemberConnection> {
    const page =
      after || !req
        ? await this.committeeService.contacts(ctx, s, first, after)
        : await loadFirstContacts(req, ctx, this.committeeService, s, first);
    return mapPage(page, Member.from);
  }
}
