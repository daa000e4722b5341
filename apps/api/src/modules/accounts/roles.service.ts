import { Injectable } from '@nestjs/common';
import { badInput, conflict, notFound, Page, PageArgs, Role } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { AuditService } from '../audit/audit.service';
import { WorkplacesService } from '../workplaces/workplaces.service';
import { GrantRoleInput } from './dto/role.inputs';
import { AssignmentWithWorkplaces, RolesRepository } from './roles.repository';
import { UsersRepository } from './users.repository';

@Injectable()
export class RolesService {
  constructor(
    private readonly access: AccessService,
    private readonly roles: RolesRepository,
    private readonly users: UsersRepository,
    private readonly workplaces: WorkplacesService,
    private readonly audit: AuditService,
  ) {}

  async grant(ctx: RequestContext, input: GrantRoleInput): Promise<AssignmentWithWorkplaces> {
    const scope = this.access.requireLocal(ctx, 'roles:manage', input.localId);
    const workplaceIds = await this.stewardWorkplaces(scope, input.role, input.workplaceIds);
    if (!(await this.users.findById(input.userId))) throw notFound('User');
    const granted = await this.roles.upsert(scope.localId, input.userId, input.role, workplaceIds);
    await this.audit.recordIn(ctx, scope, 'role.grant', {
      type: 'RoleAssignment',
      id: granted.assignment.id,
    });
    return granted;
  }

  /** Refuses to leave a local without a LOCAL_ADMIN. */
  async revoke(ctx: RequestContext, id: string): Promise<boolean> {
    const scope = await this.access.requireRecord(ctx, 'roles:manage', 'roleAssignment', id);
    const assignment = await this.roles.findInScope(scope, id);
    if (!assignment) throw notFound();
    if (assignment.role === Role.LOCAL_ADMIN) {
      const admins = await this.roles.lockAdminsOf(scope);
      if (admins.length <= 1)
        throw conflict('This is the last LOCAL_ADMIN of the local: grant the role to someone else first.');
    }
    await this.roles.delete(scope, id);
    await this.audit.recordIn(ctx, scope, 'role.revoke', { type: 'RoleAssignment', id });
    return true;
  }

  /** The local's people (LOCAL_ADMIN): every grant, by the user's display name, then id. */
  listInLocal(ctx: RequestContext, localId: string, args: PageArgs): Promise<Page<AssignmentWithWorkplaces>> {
    const scope = this.access.requireLocal(ctx, 'roles:manage', localId);
    return this.roles.pageInLocal(scope, args);
  }

  /** The viewer's own grants, or, for another user, only the grants in locals the viewer manages. */
  visibleGrantsOf(ctx: RequestContext, userId: string): Promise<AssignmentWithWorkplaces[]> {
    const localIds =
      userId === ctx.actor.userId ? ctx.actor.localIds : this.access.localsWith(ctx, 'roles:manage');
    return this.roles.listForUser(userId, localIds);
  }

  /** Workplace ids belong to STEWARD grants only, and must all be in the local. */
  async stewardWorkplaces(scope: Scope, role: Role, ids: readonly string[] | undefined): Promise<string[]> {
    if (role !== Role.STEWARD) {
      if (ids?.length) throw badInput('Only a STEWARD is assigned workplaces.', 'workplaceIds');
      return [];
    }
    return this.workplaces.requireAllInScope(scope, ids ?? []);
  }
}
