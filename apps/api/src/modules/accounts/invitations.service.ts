import { Injectable } from '@nestjs/common';
import { AppError, forbidden, notFound, Role } from '@juntos/common';
import { AccessService, systemScope } from '@juntos/access';
import { hashOpaqueToken, INVITATION_TTL_DAYS, newOpaqueToken, RequestContext } from '@juntos/auth';
import { InvitationEntity, TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { LocalsService } from '../locals/locals.service';
import { CreateInvitationInput } from './dto/role.inputs';
import { InvitationsRepository } from './invitations.repository';
import { RolesRepository } from './roles.repository';
import { RolesService } from './roles.service';
import { UsersRepository } from './users.repository';
import { AttemptLock, AttemptsRepository } from './attempts.repository';
import { INVITATION_SPENT, invitationAttemptKey } from './auth.service';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly access: AccessService,
    private readonly invitations: InvitationsRepository,
    private readonly roles: RolesService,
    private readonly locals: LocalsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionHost,
    private readonly users: UsersRepository,
    private readonly grants: RolesRepository,
    private readonly attempts: AttemptsRepository,
  ) {}

  /**
   * A LOCAL_ADMIN invites into their local. The platform admin may invite into any local through
   * a named system path, since they hold no role there, but only to seat its LOCAL_ADMINs: never
   * another role, and never their own email, so they cannot hand themselves member access.
   * The token is returned once; only its hash is kept. Either way the local's audit log has it.
   */
  async create(
    ctx: RequestContext,
    input: CreateInvitationInput,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    const managesLocal = this.access.canInLocal(ctx, 'roles:manage', input.localId);
    if (!managesLocal && !ctx.actor.isPlatformAdmin) throw forbidden();
    if (!managesLocal && input.role !== Role.LOCAL_ADMIN)
      throw forbidden("The platform admin invites only a local's LOCAL_ADMINs.");
    if (ctx.actor.isPlatformAdmin && input.email === (await this.users.findById(ctx.actor.userId))?.email)
      throw forbidden('The platform admin cannot invite their own email.');
    const work = async () => {
      if (!managesLocal) {
        if (!(await this.locals.existsForPlatformAdmin(input.localId))) throw notFound('Local');
        // The platform admin holds no role here: scope this system path to the one local.
        await this.tx.scopeSystem({ localIds: [input.localId] });
      }
      // The platform admin holds no role in the local: its scope is a named system purpose.
      const scope = managesLocal
        ? this.access.requireLocal(ctx, 'roles:manage', input.localId)
        : systemScope(this.tx, 'platform:invite-first-admin', input.localId);
      const workplaceIds = await this.roles.stewardWorkplaces(scope, input.role, input.workplaceIds);
      const token = newOpaqueToken();
      const invitation = await this.invitations.insert({
        localId: input.localId,
        email: input.email,
        role: input.role,
        workplaceIds,
        tokenHash: hashOpaqueToken(token),
        invitedBy: ctx.actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS),
      });
      await this.audit.recordIn(ctx, scope, 'invitation.create', {
        type: 'Invitation',
        id: invitation.id,
      });
      return { invitation, token };
    };
    return managesLocal ? work() : this.tx.system('platform:invite-first-admin', work);
  }

  /**
   * The local's open invitations (LOCAL_ADMIN): not accepted, not expired, newest first, capped
   * at LIST_MAX.pendingInvitations. Their tokens were never kept, so none is shown.
   */
  async listPending(ctx: RequestContext, localId: string): Promise<InvitationEntity[]> {
    const scope = this.access.requireLocal(ctx, 'roles:manage', localId);
    return this.invitations.listOpen(scope);
  }

  /**
   * A signed-in user accepts an invitation addressed to their own email: the only way an existing
   * account takes a role from an invitation. Someone else's, used or expired invitation reads as
   * missing. The role takes effect on the next request.
   */
  async accept(ctx: RequestContext, token: string): Promise<true> {
    const email = (await this.users.findById(ctx.actor.userId))?.email;
    return this.tx.system('auth:accept-invitation', async () => {
      // Serialized with every other attempt on this token, signed in or not.
      await this.attempts.serialize([AttemptLock.Invitation, invitationAttemptKey(token)]);
      const invitation = await this.invitations.findOpenByTokenHash(hashOpaqueToken(token));
      if (!invitation || invitation.email !== email) throw new AppError('NOT_FOUND', INVITATION_SPENT);
      await this.tx.scopeSystem({ localIds: [invitation.localId] });
      if (!(await this.invitations.claim(invitation.id))) throw new AppError('NOT_FOUND', INVITATION_SPENT);
      await this.grants.upsert(
        invitation.localId,
        ctx.actor.userId,
        invitation.role,
        invitation.workplaceIds,
      );
      // One event, like every mutation: the invitation names the local, the role and the workplaces.
      await this.audit.recordIn(ctx, invitation.localId, 'invitation.accept', {
        type: 'Invitation',
        id: invitation.id,
      });
      return true as const;
    });
  }
}
