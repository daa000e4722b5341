import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { loadUser } from '../accounts/user.loader';
import { User } from '../accounts/models/user.model';
import { UsersService } from '../accounts/users.service';
import { LocalDashboard } from '../dashboard/models/dashboard.model';
import { loadLocal } from '../locals/local.loader';
import { LocalsService } from '../locals/locals.service';
import { Local } from '../locals/models/local.model';
import { loadMember } from '../members/member.loader';
import { MembersService } from '../members/members.service';
import { Member } from '../members/models/member.model';
import { Workplace } from '../workplaces/models/workplace.model';
import { loadWorkplace } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { AlertsService } from './alerts.service';
import {
  ProposeAlertInput,
  ReportIncidentInput,
  ResponderInput,
  VerifyIncidentInput,
} from './dto/rapid-response.inputs';
import { IncidentsService } from './incidents.service';
import {
  Alert,
  Incident,
  IncidentConnection,
  Responder,
  ResponderConnection,
  Verification,
} from './models/rapid-response.model';
import { IncidentStatus } from './rapid-response.entity';
import {
  loadAlerts,
  loadDeliveryCounts,
  loadResponderWorkplaceIds,
  loadVerifications,
  requireIncident,
} from './rapid-response.loaders';
import { RespondersService } from './responders.service';

@Resolver(() => Incident)
export class IncidentsResolver {
  constructor(
    private readonly incidentService: IncidentsService,
    private readonly alertService: AlertsService,
    private readonly locals: LocalsService,
    private readonly workplaces: WorkplacesService,
  ) {}

  @Query(() => IncidentConnection, { description: 'Newest first.', complexity: pageCost })
  @Authorize('incidents:read')
  async incidents(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('status', { type: () => IncidentStatus, nullable: true }) status?: IncidentStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<IncidentConnection> {
    return mapPage(
      await this.incidentService.list(ctx, localId, status ?? null, first, after),
      Incident.from,
    );
  }

  @Query(() => Incident, { nullable: true })
  @Authorize('incidents:read')
  async incident(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Incident | null> {
    const i = await this.incidentService.get(ctx, id);
    return i ? Incident.from(i) : null;
  }

  @Mutation(() => Incident)
  @Authorize('incidents:report')
  async reportIncident(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReportIncidentInput,
  ): Promise<Incident> {
    return Incident.from(await this.incidentService.report(ctx, input));
  }

  @Mutation(() => Incident, { description: "The incident's status follows the latest verification." })
  @Authorize('incidents:respond')
  async verifyIncident(
    @Ctx() ctx: RequestContext,
    @Args('input') input: VerifyIncidentInput,
  ): Promise<Incident> {
    return Incident.from(await this.incidentService.verify(ctx, input));
  }

  @Mutation(() => Incident, { description: 'Ends it; its proposed alerts are cancelled.' })
  @Authorize('incidents:respond')
  async closeIncident(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Incident> {
    return Incident.from(await this.incidentService.close(ctx, id));
  }

  @ResolveField(() => Local)
  @Authorize('incidents:read')
  local(@Ctx() ctx: RequestContext, @Parent() i: Incident, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, i.localId);
  }

  @ResolveField(() => Workplace, { nullable: true })
  @Authorize('incidents:read')
  workplace(
    @Ctx() ctx: RequestContext,
    @Parent() i: Incident,
    @Context('req') req: object,
  ): Promise<Workplace | null> | null {
    return i.workplaceId ? loadWorkplace(req, ctx, this.workplaces, i.localId, i.workplaceId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'An approximate place (a gate, a corner), never a home address. Null once expired, and for a board member.',
  })
  @Authorize('incidents:read')
  location(@Ctx() ctx: RequestContext, @Parent() i: Incident): string | null {
    return this.incidentService.location(ctx, i);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Encrypted at rest. Null once expired, and for a viewer who may see only counts.',
  })
  @Authorize('incidents:read')
  details(@Ctx() ctx: RequestContext, @Parent() i: Incident): string | null {
    return this.incidentService.details(ctx, i);
  }

  @ResolveField(() => [Verification], {
    complexity: listCost(LIST_MAX.incidentItems),
    description: 'Oldest first, the first 50.',
  })
  @Authorize('incidents:read')
  verifications(
    @Ctx() ctx: RequestContext,
    @Parent() i: Incident,
    @Context('req') req: object,
  ): Promise<Verification[]> {
    return loadVerifications(req, ctx, this.incidentService, i.localId, i.id);
  }

  @ResolveField(() => [Alert], {
    complexity: listCost(LIST_MAX.incidentItems),
    description: 'Oldest first, the first 50; for organizers and admins, and empty for anyone else.',
  })
  @Authorize('incidents:read')
  alerts(@Ctx() ctx: RequestContext, @Parent() i: Incident, @Context('req') req: object): Promise<Alert[]> {
    return loadAlerts(req, ctx, this.alertService, i.localId, i.id);
  }
}

@Resolver(() => Verification)
export class VerificationsResolver {
  constructor(
    private readonly incidentService: IncidentsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => User)
  @Authorize('incidents:read')
  async by(@Parent() v: Verification, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, v.byUserId))!;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Encrypted at rest. Null once expired, and for a viewer who may not read details.',
  })
  @Authorize('incidents:read')
  note(@Ctx() ctx: RequestContext, @Parent() v: Verification): string | null {
    return this.incidentService.note(ctx, v);
  }
}

@Resolver(() => Alert)
export class AlertsResolver {
  constructor(
    private readonly alertService: AlertsService,
    private readonly incidentService: IncidentsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Alert, { description: 'Only for a CONFIRMED incident.' })
  @Authorize('incidents:respond')
  async proposeAlert(@Ctx() ctx: RequestContext, @Args('input') input: ProposeAlertInput): Promise<Alert> {
    return Alert.from(await this.alertService.propose(ctx, input));
  }

  @Mutation(() => Alert, { description: 'By someone other than the proposer; delivery starts at once.' })
  @Authorize('incidents:respond')
  async approveAlert(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Alert> {
    return Alert.from(await this.alertService.approve(ctx, id));
  }

  @Mutation(() => Alert, { description: 'Stops an alert not yet sent; what was not delivered is skipped.' })
  @Authorize('incidents:respond')
  async cancelAlert(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Alert> {
    return Alert.from(await this.alertService.cancel(ctx, id));
  }

  @ResolveField(() => Incident)
  @Authorize('incidents:details')
  incident(@Ctx() ctx: RequestContext, @Parent() a: Alert, @Context('req') req: object): Promise<Incident> {
    return requireIncident(req, ctx, this.incidentService, a.localId, a.incidentId);
  }

  @ResolveField(() => User)
  @Authorize('incidents:details')
  async proposedBy(@Parent() a: Alert, @Context('req') req: object): Promise<User> {
    return (await loadUser(req, this.users, a.proposedById))!;
  }

  @ResolveField(() => User, { nullable: true })
  @Authorize('incidents:details')
  async approvedBy(@Parent() a: Alert, @Context('req') req: object): Promise<User | null> {
    return a.approvedById ? loadUser(req, this.users, a.approvedById) : null;
  }

  @ResolveField(() => Int)
  @Authorize('incidents:details')
  async deliveredCount(
    @Ctx() ctx: RequestContext,
    @Parent() a: Alert,
    @Context('req') req: object,
  ): Promise<number> {
    return (await loadDeliveryCounts(req, ctx, this.alertService, a.localId, a.id)).delivered;
  }

  @ResolveField(() => Int)
  @Authorize('incidents:details')
  async failedCount(
    @Ctx() ctx: RequestContext,
    @Parent() a: Alert,
    @Context('req') req: object,
  ): Promise<number> {
    return (await loadDeliveryCounts(req, ctx, this.alertService, a.localId, a.id)).failed;
  }
}

@Resolver(() => Responder)
export class RespondersResolver {
  constructor(
    private readonly responderService: RespondersService,
    private readonly members: MembersService,
    private readonly workplaceService: WorkplacesService,
  ) {}

  @Query(() => ResponderConnection, { description: 'Oldest first.', complexity: pageCost })
  @Authorize('responders:manage')
  async responders(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ResponderConnection> {
    return mapPage(await this.responderService.list(ctx, localId, first, after), Responder.from);
  }

  @Mutation(() => Responder, { description: 'Makes a member a responder, or updates them.' })
  @Authorize('responders:manage')
  async setResponder(@Ctx() ctx: RequestContext, @Args('input') input: ResponderInput): Promise<Responder> {
    return Responder.from(await this.responderService.set(ctx, input));
  }

  @Mutation(() => Boolean, { description: 'False when the member was not a responder.' })
  @Authorize('responders:manage')
  removeResponder(
    @Ctx() ctx: RequestContext,
    @Args('memberId', { type: () => ID }, UuidPipe) memberId: string,
  ): Promise<boolean> {
    return this.responderService.remove(ctx, memberId);
  }

  @ResolveField(() => Member)
  @Authorize('responders:manage')
  member(@Ctx() ctx: RequestContext, @Parent() r: Responder, @Context('req') req: object): Promise<Member> {
    return loadMember(req, ctx, this.members, r.localId, r.memberId);
  }

  @ResolveField(() => [Workplace], {
    complexity: listCost(LIST_MAX.responderWorkplaces),
    description: 'The worksites and buildings this responder covers.',
  })
  @Authorize('responders:manage')
  async workplaces(
    @Ctx() ctx: RequestContext,
    @Parent() r: Responder,
    @Context('req') req: object,
  ): Promise<Workplace[]> {
    const ids = await loadResponderWorkplaceIds(req, ctx, this.responderService, r.localId, r.id);
    const found = await Promise.all(
      ids.map((id) => loadWorkplace(req, ctx, this.workplaceService, r.localId, id)),
    );
    return found.filter((w): w is Workplace => !!w);
  }
}

/** `LocalDashboard.incidentsLast30Days` lives here, so the dashboard does not depend on this module. */
@Resolver(() => LocalDashboard)
export class IncidentDashboardResolver {
  constructor(private readonly incidentService: IncidentsService) {}

  @ResolveField(() => Int, { description: 'Incidents reported in the last 30 days.' })
  @Authorize('dashboard:read')
  incidentsLast30Days(@Ctx() ctx: RequestContext, @Parent() d: LocalDashboard): Promise<number> {
    return this.incidentService.countLast30Days(ctx, d.local.id);
  }
}
