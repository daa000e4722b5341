import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { mapPage } from '@juntos/common';
import { LIST_MAX, listCost, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { loadLocal } from '../locals/local.loader';
import { Local } from '../locals/models/local.model';
import { LocalsService } from '../locals/locals.service';
import { Workplace } from '../workplaces/models/workplace.model';
import { loadWorkplace } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { CreateInvitationInput, GrantRoleInput, InvitationTokenPipe } from './dto/role.inputs';
import { InvitationsService } from './invitations.service';
import { Invitation } from './models/invitation.model';
import { RoleAssignment, RoleAssignmentConnection } from './models/role-assignment.model';
import { User } from './models/user.model';
import { loadUser } from './user.loader';
import { RolesService } from './roles.service';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly roleGrants: RolesService,
  ) {}

  @Query(() => User)
  @Authorize('self')
  async me(@Ctx() ctx: RequestContext): Promise<User> {
    return User.from(await this.users.me(ctx));
  }

  /** Someone else's roles show only in the locals the viewer manages. */
  @ResolveField(() => [RoleAssignment], { complexity: listCost(LIST_MAX.roles) })
  @Authorize('self')
  async roles(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<RoleAssignment[]> {
    const grants = await this.roleGrants.visibleGrantsOf(ctx, user.id);
    return grants.map((g) => RoleAssignment.from(g.assignment, g.workplaceIds));
  }
}

@Resolver(() => RoleAssignment)
export class RolesResolver {
  constructor(
    private readonly roleGrants: RolesService,
    private readonly users: UsersService,
    private readonly locals: LocalsService,
    private readonly workplaceDirectory: WorkplacesService,
  ) {}

  @Query(() => RoleAssignmentConnection, {
    complexity: pageCost,
    description:
      "The local's people: every role assignment in it, ordered by the user's display name, then the assignment's id (LOCAL_ADMIN only). A person holding two roles appears twice.",
  })
  @Authorize('roles:manage')
  async roleAssignments(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<RoleAssignmentConnection> {
    const page = await this.roleGrants.listInLocal(ctx, localId, { first, after });
    return mapPage(page, (g) => RoleAssignment.from(g.assignment, g.workplaceIds));
  }

  @Mutation(() => RoleAssignment)
  @Authorize('roles:manage')
  async grantRole(@Ctx() ctx: RequestContext, @Args('input') input: GrantRoleInput): Promise<RoleAssignment> {
    const g = await this.roleGrants.grant(ctx, input);
    return RoleAssignment.from(g.assignment, g.workplaceIds);
  }

  @Mutation(() => Boolean)
  @Authorize('roles:manage')
  revokeRole(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.roleGrants.revoke(ctx, id);
  }

  // The nested fields below read through a grant the viewer was already allowed to see.
  @ResolveField(() => User)
  @Authorize('self')
  async user(@Parent() a: RoleAssignment, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, a.userId))!;
  }

  @ResolveField(() => Local)
  @Authorize('self')
  local(
    @Ctx() ctx: RequestContext,
    @Parent() a: RoleAssignment,
    @Context('req') req: object,
  ): Promise<Local> {
    return loadLocal(req, ctx, this.locals, a.localId);
  }

  @ResolveField(() => [Workplace], {
    complexity: listCost(LIST_MAX.stewardWorkplaces),
    description: 'For STEWARD: the workplaces whose members the steward may see and work with.',
  })
  @Authorize('self')
  async workplaces(
    @Ctx() ctx: RequestContext,
    @Parent() a: RoleAssignment,
    @Context('req') req: object,
  ): Promise<Workplace[]> {
    // As `workplace(id)` would show each to the viewer, batched across a list of grants.
    const list = await Promise.all(
      a.workplaceIds.map((id) => loadWorkplace(req, ctx, this.workplaceDirectory, a.localId, id)),
    );
    return list.flatMap((w) => (w ? [w] : [])).sort((x, y) => x.name.localeCompare(y.name));
  }
}

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly locals: LocalsService,
  ) {}

  @Query(() => [Invitation], {
    complexity: listCost(LIST_MAX.pendingInvitations),
    description: `The local's open invitations: not yet accepted and not expired, newest first, at most ${LIST_MAX.pendingInvitations} (LOCAL_ADMIN only). Their token is always null: only its hash was kept.`,
  })
  @Authorize('roles:manage')
  async pendingInvitations(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
  ): Promise<Invitation[]> {
    const list = await this.invitations.listPending(ctx, localId);
    return list.map((i) => Invitation.from(i, null));
  }

  @Mutation(() => Invitation)
  @Authorize('invitations:create')
  async createInvitation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateInvitationInput,
  ): Promise<Invitation> {
    const { invitation, token } = await this.invitations.create(ctx, input);
    return Invitation.from(invitation, token);
  }

  /** For an existing account: accepting over REST never touches one (README: "Signing in"). */
  @Mutation(() => Boolean, {
    description:
      'Adds the role of an invitation addressed to your own email to your account. It takes effect on the next request.',
  })
  @Authorize('self')
  acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Args('token', { type: () => String }, InvitationTokenPipe) token: string,
  ): Promise<boolean> {
    return this.invitations.accept(ctx, token);
  }

  @ResolveField(() => Local)
  @Authorize('self')
  local(@Ctx() ctx: RequestContext, @Parent() i: Invitation, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, i.localId);
  }
}
