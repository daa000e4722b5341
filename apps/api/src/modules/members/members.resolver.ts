import {
  Args,
  Context,
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
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { pageCost } from '../../graphql/query-cost';
import { prefetched } from '../../graphql/prefetch';
import { selectsField, selectsPath } from '../../graphql/selection';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { LocalsService } from '../locals/locals.service';
import { loadLocal } from '../locals/local.loader';
import { Local } from '../locals/models/local.model';
import { Unit, Workplace } from '../workplaces/models/workplace.model';
import { loadUnits, loadUnitsOf, loadWorkplace, loadWorkplaces } from '../workplaces/workplace.loaders';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { MemberFilter, MemberInput, UpdateMemberInput } from './dto/member.inputs';
import { MembersService } from './members.service';
import { ImportResult } from './models/import-result.model';
import { Member, MemberConnection } from './models/member.model';

@Resolver(() => Member)
export class MembersResolver {
  constructor(
    private readonly memberService: MembersService,
    private readonly workplaces: WorkplacesService,
    private readonly locals: LocalsService,
  ) {}

  @Query(() => MemberConnection, {
    description: "The local's members by name; a steward's assigned workplaces only.",
    complexity: pageCost,
  })
  @Authorize('members:read')
  async members(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('filter', { type: () => MemberFilter, nullable: true }) filter?: MemberFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Context('req') req?: object,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<MemberConnection> {
    // Counting can read every matching row: only a request that shows the total pays for it.
    const withCount = !info || selectsField(info, 'totalCount') || selectsField(info, 'totalCountIsExact');
    const page = await this.memberService.list(ctx, localId, filter, { first, after, withCount });
    const connection = { ...mapPage(page, Member.from), totalCountIsExact: page.totalCountIsExact };
    if (req && info) await this.prefetchPlaces(ctx, req, localId, connection.nodes, info);
    return connection;
  }

  /**
   * The page's workplaces and units, read once for the list rather than once a row. Their fields
   * below require `members:read` in the row's local, which this query's guard has checked for
   * `localId`, the local of every row; the loaders are theirs, so the answers are the same.
   */
  private async prefetchPlaces(
    ctx: RequestContext,
    req: object,
    localId: string,
    nodes: Member[],
    info: GraphQLResolveInfo,
  ): Promise<void> {
    const places = nodes.map((m) => m.workplaceId);
    const [workplaces, units] = await Promise.all([
      selectsPath(info, ['nodes', 'workplace'])
        ? loadWorkplaces(req, ctx, this.workplaces, localId, places)
        : undefined,
      selectsPath(info, ['nodes', 'unit'])
        ? loadUnitsOf(req, ctx, this.workplaces, localId, places)
        : undefined,
    ]);
    nodes.forEach((m, i) => {
      if (workplaces) prefetched(m, 'workplace', workplaces[i]);
      if (units)
        prefetched(
          m,
          'unit',
          (m.workplaceId && units.get(m.workplaceId)?.find((u) => u.id === m.unitId)) ?? null,
        );
    });
  }

  @Query(() => Member, { nullable: true })
  @Authorize('members:read')
  async member(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Member | null> {
    const m = await this.memberService.get(ctx, id);
    return m ? Member.from(m) : null;
  }

  @Query(() => String, { description: "CSV of the local's members (LOCAL_ADMIN only; audited)." })
  @Authorize('members:export')
  exportMembers(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
  ): Promise<string> {
    return this.memberService.exportCsv(ctx, localId);
  }

  @Mutation(() => Member)
  @Authorize('members:write')
  async createMember(@Ctx() ctx: RequestContext, @Args('input') input: MemberInput): Promise<Member> {
    return Member.from(await this.memberService.create(ctx, input));
  }

  @Mutation(() => Member)
  @Authorize('members:write')
  async updateMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateMemberInput,
  ): Promise<Member> {
    return Member.from(await this.memberService.update(ctx, id, input));
  }

  @Mutation(() => Member)
  @Authorize('members:manage')
  async archiveMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<Member> {
    return Member.from(await this.memberService.archive(ctx, id));
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes the member and every record about them for good (LOCAL_ADMIN only; audited without personal data).',
  })
  @Authorize('members:erase')
  eraseMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.memberService.erase(ctx, id);
  }

  @Mutation(() => ImportResult, {
    description:
      'CSV with a header row; matches existing members by email, then phone, then name and workplace.',
  })
  @Authorize('members:manage')
  importMembers(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    // Its size is capped by the 2 MB request body limit, its rows by the parser (10,000).
    @Args('csv') csv: string,
  ): Promise<ImportResult> {
    return this.memberService.importCsv(ctx, localId, csv);
  }

  @ResolveField(() => Local)
  @Authorize('members:read')
  local(@Ctx() ctx: RequestContext, @Parent() m: Member, @Context('req') req: object): Promise<Local> {
    return loadLocal(req, ctx, this.locals, m.localId);
  }

  @ResolveField(() => Workplace, { nullable: true })
  @Authorize('members:read')
  async workplace(
    @Ctx() ctx: RequestContext,
    @Parent() m: Member,
    @Context('req') req: object,
  ): Promise<Workplace | null> {
    return m.workplaceId ? loadWorkplace(req, ctx, this.workplaces, m.localId, m.workplaceId) : null;
  }

  @ResolveField(() => Unit, { nullable: true })
  @Authorize('members:read')
  async unit(
    @Ctx() ctx: RequestContext,
    @Parent() m: Member,
    @Context('req') req: object,
  ): Promise<Unit | null> {
    if (!m.workplaceId || !m.unitId) return null;
    const units = await loadUnits(req, ctx, this.workplaces, m.localId, m.workplaceId);
    return units.find((u) => u.id === m.unitId) ?? null;
  }
}
