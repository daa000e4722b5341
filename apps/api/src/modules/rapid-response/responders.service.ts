import { Injectable } from '@nestjs/common';
import { badInput, notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { ResponderInput } from './dto/rapid-response.inputs';
import { ResponderEntity } from './rapid-response.entity';
import { RespondersRepository } from './responders.repository';

/** The responder roster: members who volunteered, their skills and the workplaces they cover. */
@Injectable()
export class RespondersService {
  constructor(
    private readonly access: AccessService,
    private readonly responders: RespondersRepository,
    private readonly members: MembersService,
    private readonly workplaces: WorkplacesService,
    private readonly audit: AuditService,
  ) {}

  /** Makes a member of the local a responder, or updates them (their workplaces replaced). */
  async set(ctx: RequestContext, input: ResponderInput): Promise<ResponderEntity> {
    const scope = await this.access.requireRecord(ctx, 'responders:manage', 'member', input.memberId);
    const [member] = await this.members.inScope(scope, [input.memberId]);
    if (!member) throw notFound('Member');
    if (member.archivedAt) throw badInput('The member is archived.', 'memberId');
    const wanted = [...new Set(input.workplaceIds)];
    if ((await this.workplaces.inScope(scope, wanted)).length !== wanted.length) throw noSuchWorkplace();
    const responder = await this.responders.upsert(scope, {
      memberId: member.id,
      skills: input.skills,
      available: input.available,
      workplaceIds: wanted,
    });
    await this.audit.recordIn(ctx, scope, 'responder.set', { type: 'Responder', id: responder.id });
    return responder;
  }

  /** True when the member was a responder, false when they were not. */
  async remove(ctx: RequestContext, memberId: string): Promise<boolean> {
    const scope = await this.access.requireRecord(ctx, 'responders:manage', 'member', memberId);
    const removed = await this.responders.remove(scope, memberId);
    if (removed) await this.audit.recordIn(ctx, scope, 'responder.remove', { type: 'Member', id: memberId });
    return removed;
  }

  list(
    ctx: RequestContext,
    localId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<ResponderEntity>> {
    const scope = this.access.requireLocal(ctx, 'responders:manage', localId);
    return this.responders.page(scope, { first, after });
  }

  rosterScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'responders:manage', localId);
  }

  workplacesOf(scope: Scope, responderIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.responders.workplacesOf(scope, responderIds);
  }
}
