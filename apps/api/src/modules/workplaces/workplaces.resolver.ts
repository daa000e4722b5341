import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { LIST_MAX, listCost, pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { LocalsService } from '../locals/locals.service';
import { loadLocal } from '../locals/local.loader';
import { Local } from '../locals/models/local.model';
import { UpdateWorkplaceInput, WorkplaceInput } from './dto/workplace.inputs';
import { Unit, Workplace, WorkplaceConnection } from './models/workplace.model';
import { loadMemberCount, loadUnits } from './workplace.loaders';
import { WorkplacesService } from './workplaces.service';

@Resolver(() => Workplace)
export class WorkplacesResolver {
  constructor(
    private readonly workplaceService: WorkplacesService,
    private readonly locals: LocalsService,
  ) {}

  @Query(() => WorkplaceConnection, {
    description: "The local's workplaces by name; a steward's assigned ones only.",
    complexity: pageCost,
  })
  @Authorize('workplaces:read')
  async workplaces(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('includeArchived', { type: () => Boolean, nullable: true }) includeArchived?: boolean,
  ): Promise<WorkplaceConnection> {
    const page = await this.workplaceService.list(ctx, localId, { first, after, includeArchived });
    return mapPage(page, Workplace.from);
  }

  @Query(() => Workplace, { nullable: true })
  @Authorize('workplaces:read')
  async workplace(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Workplace | null> {
    const w = await this.workplaceService.get(ctx, id);
    return w ? Workplace.from(w) : null;
  }

  @Mutation(() => Workplace)
  @Authorize('workplaces:write')
  async createWorkplace(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WorkplaceInput,
  ): Promise<Workplace> {
    return Workplace.from(await this.workplaceService.create(ctx, input));
  }

  @Mutation(() => Workplace)
  @Authorize('workplaces:write')
  async updateWorkplace(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateWorkplaceInput,
  ): Promise<Workplace> {
    return Workplace.from(await this.workplaceService.update(ctx, id, input));
  }

  @Mutation(() => Workplace)
  @Authorize('workplaces:write')
  async archiveWorkplace(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Workplace> {
    return Workplace.from(await this.workplaceService.archive(ctx, id));
  }

  @ResolveField(() => Local)
  @Authorize('workplaces:read')
  local(@Ctx() ctx: RequestContext, @Parent() w: Workplace, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, w.localId);
  }

  @ResolveField(() => [Unit], { complexity: listCost(LIST_MAX.units) })
  @Authorize('workplaces:read')
  units(@Ctx() ctx: RequestContext, @Parent() w: Workplace, @Context('req') req: object): Promise<Unit[]> {
    return loadUnits(req, ctx, this.workplaceService, w.localId, w.id);
  }

  @ResolveField(() => Int, { description: 'Members of the workplace who are not archived.' })
  @Authorize('workplaces:read')
  memberCount(
    @Ctx() ctx: RequestContext,
    @Parent() w: Workplace,
    @Context('req') req: object,
  ): Promise<number> {
    return loadMemberCount(req, ctx, this.workplaceService, w.localId, w.id);
  }
}
