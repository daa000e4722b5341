import { Injectable } from '@nestjs/common';
import { badInput, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { UnitEntity, WorkplaceEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { UpdateWorkplaceInput, WorkplaceInput } from './dto/workplace.inputs';
import { WorkplaceFields, WorkplacesRepository } from './workplaces.repository';

/** The same answer for a workplace that is missing, another local's, or not a steward's. */
export const noSuchWorkplace = () => badInput('No such workplace in this local.', 'workplaceId');

/** Unit names are unique within a workplace: repeat names in one list are a mistake to report. */
function uniqueUnits(units: readonly string[] | null | undefined): string[] {
  const list = units ?? [];
  const dup = list.find((u, i) => list.indexOf(u) !== i);
  if (dup) throw badInput(`The unit "${dup}" is listed twice.`, 'units');
  return [...list];
}

@Injectable()
export class WorkplacesService {
  constructor(
    private readonly access: AccessService,
    private readonly workplaces: WorkplacesRepository,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: WorkplaceInput): Promise<WorkplaceEntity> {
    const scope = this.access.requireLocal(ctx, 'workplaces:write', input.localId);
    const units = uniqueUnits(input.units);
    const workplace = await this.workplaces.insert(scope, {
      name: input.name,
      kind: input.kind,
      employer: input.employer ?? null,
      address: input.address ?? null,
      headcount: input.headcount ?? null,
    });
    await this.workplaces.setUnits(scope, workplace.id, units);
    await this.audit.recordIn(ctx, scope, 'workplace.create', { type: 'Workplace', id: workplace.id });
    return workplace;
  }

  async update(ctx: RequestContext, id: string, input: UpdateWorkplaceInput): Promise<WorkplaceEntity> {
    const scope = await this.access.requireRecord(ctx, 'workplaces:write', 'workplace', id);
    const patch: Partial<WorkplaceFields> = {};
    if (input.name !== undefined) patch.name = input.name;
    for (const key of ['employer', 'address', 'headcount'] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    await this.workplaces.update(scope, id, patch);
    if (input.units !== undefined && input.units !== null)
      await this.workplaces.setUnits(scope, id, uniqueUnits(input.units));
    await this.audit.recordIn(ctx, scope, 'workplace.update', { type: 'Workplace', id });
    return (await this.workplaces.findInScope(scope, id))!;
  }

  async archive(ctx: RequestContext, id: string): Promise<WorkplaceEntity> {
    const scope = await this.access.requireRecord(ctx, 'workplaces:write', 'workplace', id);
    const current = (await this.workplaces.findInScope(scope, id))!;
    if (!current.archivedAt) await this.workplaces.update(scope, id, { archivedAt: new Date() });
    await this.audit.recordIn(ctx, scope, 'workplace.archive', { type: 'Workplace', id });
    return (await this.workplaces.findInScope(scope, id))!;
  }

  list(
    ctx: RequestContext,
    localId: string,
    args: { first?: number | null; after?: string | null; includeArchived?: boolean | null },
  ): Promise<Page<WorkplaceEntity>> {
    const scope = this.access.requireLocal(ctx, 'workplaces:read', localId);
    return this.workplaces.page(scope, { includeArchived: !!args.includeArchived }, args);
  }

  /** Null when missing or outside the viewer's scope (a steward's unassigned workplace). */
  async get(ctx: RequestContext, id: string): Promise<WorkplaceEntity | null> {
    const scope = await this.access.findRecord(ctx, 'workplaces:read', 'workplace', id);
    return scope ? this.workplaces.findInScope(scope, id) : null;
  }

  /** For a member's workplace and unit: the workplace must be within the scope, the unit the workplace's. */
  async requirePlacement(scope: Scope, workplaceId: string | null, unitId: string | null): Promise<void> {
    if (unitId && !workplaceId) throw badInput('A unit needs its workplace.', 'unitId');
    if (!workplaceId) return;
    const [workplace] = await this.workplaces.findManyInScope(scope, [workplaceId]);
    if (!workplace) throw noSuchWorkplace();
    if (unitId && !(await this.workplaces.unitsOf(scope, [workplaceId])).some((u) => u.id === unitId)) {
      throw badInput('That unit is not part of the workplace.', 'unitId');
    }
  }

  /** For a steward's assignment: every id must be a workplace within the scope (of the local). */
  async requireAllInScope(scope: Scope, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.workplaces.findManyInScope(scope, unique);
    if (found.length !== unique.length)
      throw badInput('A workplace was not found in this local.', 'workplaceIds');
    return unique;
  }

  /**
   * The scope nested workplace fields read with (a petition's, a member's, a grant's workplace),
   * or null where the viewer reads no workplace of the local: they show what `workplace(id)` would.
   */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'workplaces:read', localId);
  }

  /** The workplaces among `ids` within a scope from libs/access; the rest read as missing. */
  inScope(scope: Scope, ids: readonly string[]): Promise<WorkplaceEntity[]> {
    return this.workplaces.findManyInScope(scope, ids);
  }

  byNames(localId: string, names: readonly string[]): Promise<WorkplaceEntity[]> {
    return this.workplaces.findByNames(localId, names);
  }

  unitsOf(scope: Scope, workplaceIds: readonly string[]): Promise<UnitEntity[]> {
    return this.workplaces.unitsOf(scope, workplaceIds);
  }

  memberCounts(scope: Scope, workplaceIds: readonly string[]): Promise<Map<string, number>> {
    return this.workplaces.memberCounts(scope, workplaceIds);
  }
}
