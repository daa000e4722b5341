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
    description: 'The local audit log, newest first (LOCAL_ADMIN only).',
    complexity: pageCost,
  })
  @Authorize('audit:read')
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args('localId', { type: () => ID }, UuidPipe) localId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    const page = await this.audit.list(ctx, localId, first, after);
    return mapPage(page, AuditEvent.from);
  }
}
