import { Injectable } from '@nestjs/common';
import { Scope } from '@juntos/access';
import { TransactionHost } from '@juntos/db';
import { AttendanceEntity } from '../events/event.entity';

/**
 * What the OSDI write helpers look up beyond the domain repositories: whether a member already
 * signed or answered, so a second identical call answers the first's record (200, not 201).
 */
@Injectable()
export class OsdiHelpersRepository {
  constructor(private readonly tx: TransactionHost) {}

  async signatureId(scope: Scope, petitionId: string, memberId: string): Promise<string | null> {
    const em = await this.tx.manager();
    const rows: { id: string }[] = await em.query(
      `select id from signature where local_id = $1 and petition_id = $2 and member_id = $3`,
      [scope.localId, petitionId, memberId],
    );
    return rows[0]?.id ?? null;
  }

  async attendance(scope: Scope, eventId: string, memberId: string): Promise<AttendanceEntity | null> {
    const em = await this.tx.manager();
    return em.findOne(AttendanceEntity, { where: { localId: scope.localId, eventId, memberId } });
  }
}
