import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { hashOpaqueToken, INVITATION_TTL_DAYS, newOpaqueToken, RequestContext } from '@juntos/auth';
import { InvitationEntity, TransactionHost } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { LocalsService } from '../locals/locals.service';
import { CreateInvitationInput } from './dto/role.inputs';
import { InvitationsRepository } from './invitations.repository';
import { RolesService } from './roles.service';

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
  ) {}

  /**
   * A LOCAL_ADMIN invites into their local. The platform admin may invite into any local (to seat
   * its first LOCAL_ADMIN) through a named system path, since they hold no role there.
   * The token is returned once; only its hash is kept.
   */
  async create(
    ctx: RequestContext,
    input: CreateInvitationInput,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    const managesLocal = this.access.canInLocal(ctx, 'roles:manage', input.localId);
    if (!managesLocal && !ctx.actor.isPlatformAdmin) throw forbidden();
    const work = async () => {
      if (!managesLocal) {
        if (!(await this.locals.existsForPlatformAdmin(input.localId))) throw notFound('Local');
        // The platform admin holds no role here: scope this system path to the one local.
        await this.tx.scopeSystem({ localIds: [input.localId] });
      }
      const workplaceIds = await this.roles.stewardWorkplaces(input.localId, input.role, input.workplaceIds);
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
      await this.audit.record(ctx, {
        localId: input.localId,
        action: 'invitation.create',
        targetType: 'Invitation',
        targetId: invitation.id,
      });
      return { invitation, token };
    };
    return managesLocal ? work() : this.tx.system('platform:invite-first-admin', work);
  }
}
