import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Role } from '@juntos/common';
import { InvitationEntity, TransactionHost } from '@juntos/db';

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

  /** An unused, unexpired invitation with this token hash, locked until the transaction ends. */
  async findOpenByTokenHash(tokenHash: Buffer): Promise<InvitationEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(InvitationEntity, {
      where: { tokenHash, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markAccepted(id: string): Promise<void> {
    const em = await this.tx.manager();
    await em.update(InvitationEntity, { id }, { acceptedAt: new Date() });
  }
}
