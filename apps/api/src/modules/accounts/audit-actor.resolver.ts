import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authorize } from '@juntos/access';
import { AuditEvent } from '../audit/models/audit-event.model';
import { User } from './models/user.model';
import { loadUser } from './user.loader';
import { UsersService } from './users.service';

/**
 * AuditEvent.actor lives with the users it reads, as Member.oneOnOnes lives with one-on-ones:
 * the audit module stays a leaf that every feature may import to record.
 */
@Resolver(() => AuditEvent)
export class AuditActorResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => User, { nullable: true })
  @Authorize('audit:read')
  actor(@Parent() event: AuditEvent, @Context('req') req: object): Promise<User | null> | null {
    return event.actorId ? loadUser(req, this.users, event.actorId) : null;
  }
}
