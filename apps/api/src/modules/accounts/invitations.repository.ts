import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Role } from '@juntos/common';
import { Scope } from '@juntos/access';
import { InvitationEntity, TransactionHost } from '@juntos/db';
import { LIST_MAX } from '../../graphql/query-cost';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(i: {
    localId: string;
    email: string;
    role: Role;
    workplaceIds: string[];
    tokenHash: Buffer;
    invitedBy: string;
    expiresAt: Date;
  }): Promise<InvitationEntity> {
    const em = await this.tx.manager();
    return em.save(em.create(InvitationEntity, i));
  }

  /** An unused, unexpired invitation with this token hash. */
  async findOpenByTokenHash(tokenHash: Buffer): Promise<InvitationEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(InvitationEntity, {
      where: { tokenHash, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
  }

  /** The local's unaccepted, unexpired invitations, newest first (at most LIST_MAX.pendingInvitations). */
  async listOpen(scope: Scope): Promise<InvitationEntity[]> {
    const em = await this.tx.manager();
    return em.find(InvitationEntity, {
      where: { localId: scope.localId, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_MAX.pendingInvitations,
    });
  }

  /** Spends the invitation. False when someone spent it first: single use holds under concurrency. */
  async claim(id: string): Promise<boolean> {
    const em = await this.tx.manager();
    const res = await em.update(InvitationEntity, { id, acceptedAt: IsNull() }, { acceptedAt: new Date() });
    return res.affected === 1;
  }
}
