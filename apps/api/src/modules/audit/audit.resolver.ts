import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { mapPage } from '@juntos/common';
import { Authorize } from '@juntos/access';
import { Ctx, RequestContext } from '@juntos/auth';
import { pageCost } from '../../graphql/query-cost';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { AuditService } from './audit.service';
import { AuditEvent, AuditEventConnection } from './models/audit-event.model';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description:
      "The local audit log, newest first (LOCAL_ADMIN only). `action` keeps only matching events: an exact action code ('member.create'), or a prefix ending in '.' ('member.') for every action that begins with it. totalCount counts the matching events.",
    complexity: pageCost,
  })
  @Authorize('audit:read')
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('action', {
      type: () => String,
      nullable: true,
      description:
        "An action code ('member.create'), or a prefix ending in '.' ('member.'). At most 100 characters.",
    })
    action?: string,
  ): Promise<AuditEventConnection> {
    const page = await this.audit.list(ctx, localId, first, after, action);
    return mapPage(page, AuditEvent.from);
  }
}
