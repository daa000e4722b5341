import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError, badInput, BY_TIME, decodeCursor, forbidden, Page, pageSize, toPage } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { CipherKeyError, FieldCipher, oneOnOneNotesAad } from '@juntos/crypto';
import { OneOnOneEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { LogOneOnOneInput, OneOnOneFilter } from './dto/one-on-one.inputs';
import { OneOnOne } from './models/one-on-one.model';
import { OneOnOnesRepository } from './one-on-ones.repository';

const HOUR_MS = 3600_000;

@Injectable()
export class OneOnOnesService {
  private readonly logger = new Logger('OneOnOnes');

  constructor(
    private readonly access: AccessService,
    private readonly conversations: OneOnOnesRepository,
    private readonly members: MembersService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Logs a conversation as the signed-in user, and moves the member's lastContactAt and
   * assessment in the same transaction. A member outside the caller's scope reads as missing.
   */
  async log(ctx: RequestContext, input: LogOneOnOneInput): Promise<OneOnOne> {
    const scope = await this.access.requireRecord(ctx, 'oneOnOnes:write', 'member', input.memberId);
    if (input.occurredAt.getTime() > Date.now() + HOUR_MS) {
      throw badInput('occurredAt cannot be more than an hour in the future.', 'occurredAt');
    }
    // The id is made here, not by the database: the notes are bound to it before the insert.
    const id = randomUUID();
    const saved = await this.conversations.insert(scope, {
      id,
      memberId: input.memberId,
      stewardId: ctx.actor.userId,
      occurredAt: input.occurredAt,
      channel: input.channel,
      supportLevel: input.supportLevel ?? null,
      issues: input.issues ?? [],
      // Encrypted here, before the repository: the database only ever holds ciphertext, bound to
      // this row so that it cannot be read on any other.
      notes: input.notes ? this.cipher.encrypt(input.notes, oneOnOneNotesAad(scope.localId, id)) : null,
      nextStep: input.nextStep ?? null,
      followUpAt: input.followUpAt ?? null,
    });
    await this.members.applyConversation(scope, input.memberId, input.occurredAt, input.supportLevel ?? null);
    await this.audit.record(ctx, {
      localId: scope.localId,
      action: 'oneOnOne.log',
      targetType: 'OneOnOne',
      targetId: saved.id,
    });
    return OneOnOne.from(saved);
  }

  list(
    ctx: RequestContext,
    localId: string,
    filter: OneOnOneFilter | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<OneOnOne>> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.page(scope, filter ?? {}, first, after);
  }

  /** Member.oneOnOnes: the parent member is one the viewer already reads. */
  forMember(
    ctx: RequestContext,
    localId: string,
    memberId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<OneOnOne>> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.page(scope, { memberId }, first, after);
  }

  /** The first page of several members' conversations at once (no cursor): for a loader. */
  async firstPagesForMembers(
    ctx: RequestContext,
    localId: string,
    memberIds: readonly string[],
    first?: number | null,
  ): Promise<Page<OneOnOne>[]> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    const size = pageSize(first);
    const { rows, totals } = await this.conversations.firstPerMember(scope, memberIds, size + 1);
    return memberIds.map((id) => {
      const page = toPage(
        rows.filter((r) => r.memberId === id),
        size,
        totals.get(id) ?? 0,
        (o: OneOnOneEntity) => [o.occurredAt.toISOString(), o.id],
      );
      return { ...page, nodes: page.nodes.map((r) => this.toModel(r)) };
    });
  }

  /** The viewer's own open follow-ups, soonest first: `first` of them, like a page (50, at most 100). */
  async myFollowUps(
    ctx: RequestContext,
    localId: string,
    dueBefore?: Date | null,
    first?: number | null,
  ): Promise<OneOnOne[]> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    const size = pageSize(first);
    const rows = await this.conversations.openFollowUps(scope, ctx.actor.userId, dueBefore ?? null, size);
    return rows.map((r) => this.toModel(r));
  }

  /** For the steward who logged it, or an organizer or admin of the local. */
  async completeFollowUp(ctx: RequestContext, id: string): Promise<OneOnOne> {
    const scope = await this.access.requireRecord(ctx, 'oneOnOnes:write', 'oneOnOne', id);
    const row = (await this.conversations.findInScope(scope, id))!;
    if (scope.workplaceIds !== 'all' && row.stewardId !== ctx.actor.userId) {
      throw forbidden(
        'Only the steward who logged this conversation, or an organizer, can complete its follow-up.',
      );
    }
    if (!row.followUpAt) throw badInput('This conversation has no follow-up to complete.', 'id');
    await this.conversations.completeFollowUp(scope, id);
    await this.audit.record(ctx, {
      localId: scope.localId,
      action: 'oneOnOne.completeFollowUp',
      targetType: 'OneOnOne',
      targetId: id,
    });
    return this.toModel((await this.conversations.findInScope(scope, id))!);
  }

  private async page(
    scope: Scope,
    filter: OneOnOneFilter,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<OneOnOne>> {
    const size = pageSize(first);
    const { rows, total } = await this.conversations.page(
      scope,
      filter,
      size + 1,
      decodeCursor(after, BY_TIME),
    );
    const page = toPage(rows, size, total, (o: OneOnOneEntity) => [o.occurredAt.toISOString(), o.id]);
    return { ...page, nodes: page.nodes.map((r) => this.toModel(r)) };
  }

  private toModel(row: OneOnOneEntity): OneOnOne {
    return OneOnOne.from(row);
  }

  /**
   * OneOnOne.notes, decrypted for a viewer the service already allowed to read the conversation
   * (only the service makes a OneOnOne). Notes that do not decrypt on this row (copied from
   * another, tampered with, or under a missing key) fail this field alone with UNREADABLE; the
   * rest of the answer stands. Logged by id and key, never content.
   */
  readNotes(o: OneOnOne): string | null {
    if (o.sealedNotes === null) return null;
    try {
      return this.cipher.decrypt(o.sealedNotes, oneOnOneNotesAad(o.localId, o.id));
    } catch (e) {
      if (!(e instanceof CipherKeyError)) throw e;
      this.logger.warn(
        `notes of one-on-one ${o.id} (local ${o.localId}, key ${FieldCipher.keyIdOf(o.sealedNotes) ?? '?'}) did not decrypt: ${e.message}`,
      );
      throw new AppError('UNREADABLE', 'These notes cannot be decrypted on this conversation.');
    }
  }
}
