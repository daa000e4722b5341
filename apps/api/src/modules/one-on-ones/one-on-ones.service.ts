import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { badInput, forbidden, Page, pageSize } from '@juntos/common';
import { AccessService } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { FieldCipher, oneOnOneNotesAad } from '@juntos/crypto';
import { openSealed } from '../../graphql/sealed-text';
import { OneOnOneEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { MembersService } from '../members/members.service';
import { LogOneOnOneInput, OneOnOneFilter } from './dto/one-on-one.inputs';
import { OneOnOnesRepository } from './one-on-ones.repository';

const HOUR_MS = 3600_000;

/** Query.recentIssues: the conversations of the last 90 days; 20 issues by default, at most 50. */
const RECENT_ISSUES = { days: 90, byDefault: 20, max: 50 };

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
  async log(ctx: RequestContext, input: LogOneOnOneInput): Promise<OneOnOneEntity> {
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
    await this.audit.recordIn(ctx, scope, 'oneOnOne.log', { type: 'OneOnOne', id: saved.id });
    return saved;
  }

  list(
    ctx: RequestContext,
    localId: string,
    filter: OneOnOneFilter | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<OneOnOneEntity>> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.conversations.page(scope, filter ?? {}, { first, after });
  }

  /** Member.oneOnOnes: the parent member is one the viewer already reads. */
  forMember(
    ctx: RequestContext,
    localId: string,
    memberId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<OneOnOneEntity>> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.conversations.page(scope, { memberId }, { first, after });
  }

  /** The first page of several members' conversations at once (no cursor): for a loader. */
  firstPagesForMembers(
    ctx: RequestContext,
    localId: string,
    memberIds: readonly string[],
    first?: number | null,
  ): Promise<Page<OneOnOneEntity>[]> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.conversations.firstPages(scope, memberIds, first);
  }

  /** The viewer's own open follow-ups, soonest first: `first` of them, like a page (50, at most 100). */
  myFollowUps(
    ctx: RequestContext,
    localId: string,
    dueBefore?: Date | null,
    first?: number | null,
  ): Promise<OneOnOneEntity[]> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    return this.conversations.openFollowUps(scope, ctx.actor.userId, dueBefore ?? null, pageSize(first));
  }

  /** The issues of the local's conversations of the last 90 days, most raised first, scoped as `list` is. */
  recentIssues(ctx: RequestContext, localId: string, first?: number | null): Promise<string[]> {
    const scope = this.access.requireLocal(ctx, 'oneOnOnes:read', localId);
    const since = new Date(Date.now() - RECENT_ISSUES.days * 24 * HOUR_MS);
    return this.conversations.recentIssues(
      scope,
      since,
      pageSize(first, RECENT_ISSUES.byDefault, RECENT_ISSUES.max),
    );
  }

  /** For the steward who logged it, or an organizer or admin of the local. */
  async completeFollowUp(ctx: RequestContext, id: string): Promise<OneOnOneEntity> {
    const scope = await this.access.requireRecord(ctx, 'oneOnOnes:write', 'oneOnOne', id);
    const row = (await this.conversations.findInScope(scope, id))!;
    if (scope.workplaceIds !== 'all' && row.stewardId !== ctx.actor.userId) {
      throw forbidden(
        'Only the steward who logged this conversation, or an organizer, can complete its follow-up.',
      );
    }
    if (!row.followUpAt) throw badInput('This conversation has no follow-up to complete.', 'id');
    await this.conversations.completeFollowUp(scope, id);
    await this.audit.recordIn(ctx, scope, 'oneOnOne.completeFollowUp', { type: 'OneOnOne', id });
    return (await this.conversations.findInScope(scope, id))!;
  }

  /**
   * OneOnOne.notes, decrypted for a viewer the service already allowed to read the conversation
   * (a OneOnOne is made only from what this service returned). Notes that do not decrypt on this row (copied from
   * another, tampered with, or under a missing key) fail this field alone with UNREADABLE; the
   * rest of the answer stands. Logged by id and key, never content.
   */
  readNotes(o: { id: string; localId: string; sealedNotes: string | null }): string | null {
    return openSealed(this.cipher, this.logger, o.sealedNotes, oneOnOneNotesAad(o.localId, o.id), {
      record: `notes of one-on-one ${o.id} (local ${o.localId})`,
      message: 'These notes cannot be decrypted on this conversation.',
    });
  }
}
