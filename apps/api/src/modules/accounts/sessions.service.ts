import { Injectable } from '@nestjs/common';
import { notFound } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { SessionEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { SessionsRepository } from './sessions.repository';

/**
 * Sessions seen from GraphQL: a user lists and ends their own; a local admin ends all of one of
 * the local's users (a lost or seized phone). Ending takes effect on the session's next request,
 * because the Actor load checks the session.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly access: AccessService,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Only the viewer's own: the query takes no user. */
  mine(ctx: RequestContext): Promise<SessionEntity[]> {
    return this.sessions.listLive(ctx.actor.userId);
  }

  /** Another user's session, or one already ended, reads as missing. */
  async endOwn(ctx: RequestContext, id: string): Promise<boolean> {
    if (!(await this.sessions.end(ctx.actor.userId, { only: id }))) throw notFound('Session');
    await this.audit.recordIn(ctx, null, 'session.end', { type: 'Session', id });
    return true;
  }

  async endOthers(ctx: RequestContext): Promise<number> {
    const n = await this.sessions.end(ctx.actor.userId, { except: ctx.actor.sessionId });
    await this.audit.recordIn(ctx, null, 'session.end_others', null, { sessions: n });
    return n;
  }

  /**
   * LOCAL_ADMIN: every session of a user who holds a role in the local. A user without one there
   * reads as missing, so the answer says nothing about accounts elsewhere. Audited in the local,
   * with the user's id and the count only.
   */
  async endUsers(ctx: RequestContext, localId: string, userId: string): Promise<number> {
    const scope = this.access.requireLocal(ctx, 'sessions:end', localId);
    const n = await this.sessions.endForUserInLocal(scope, userId);
    if (n === null) throw notFound('User');
    await this.audit.recordIn(ctx, scope, 'session.end_user', { type: 'User', id: userId }, { sessions: n });
    return n;
  }
}
