import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import { badInput, conflict, isUuid, mapPage, MembershipStatus, notFound, Page } from '@juntos/common';
import { AccessService, Scope } from '@juntos/access';
import { RequestContext } from '@juntos/auth';
import { MemberEntity } from '@juntos/db';
import { AuditService } from '../audit/audit.service';
import { noSuchWorkplace, WorkplacesService } from '../workplaces/workplaces.service';
import { MemberFilter, MemberInput, UpdateMemberInput } from './dto/member.inputs';
import { languageOf, neutralizeFormula, toE164 } from './member-fields';
import {
  CsvRow,
  foldedName,
  ImportError,
  ImportFormat,
  planImport,
  readMemberCsv,
  ValidRow,
  yesNo,
} from './member-import';
import { ContactHolder, MembersRepository, MemberWritable, PossibleDuplicateRow } from './members.repository';

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: number;
  errors: ImportError[];
  format: ImportFormat;
  ignoredColumns: string[];
}

const EXPORT_COLUMNS = [
  'firstName',
  'lastName',
  'preferredName',
  'email',
  'phone',
  'preferredLanguage',
  'status',
  'workplace',
  'unit',
  'tags',
  'supportLevel',
  'cardSignedAt',
  'lastContactAt',
  'alertOptIn',
] as const;

/**
 * An import that writes at least this many members refreshes the planner statistics of the tables
 * it wrote, in its own transaction: the next members page then runs on a plan that knows them.
 */
export const IMPORT_ANALYZE_ROWS = 1000;

export interface PossibleDuplicatePair extends PossibleDuplicateRow {
  member: MemberEntity;
  other: MemberEntity;
}

const firstProblem = (errors: ValidationError[]): string => {
  const e = errors[0];
  return `${e.property}: ${Object.values(e.constraints ?? {})[0] ?? 'is not valid'}`;
};

@Injectable()
export class MembersService {
  private readonly region: string;
  private readonly countLimit: number;

  constructor(
    private readonly access: AccessService,
    private readonly members: MembersRepository,
    private readonly workplaces: WorkplacesService,
    private readonly audit: AuditService,
    config: ConfigService,
  ) {
    this.region = config.get<string>('PHONE_DEFAULT_REGION') ?? 'US';
    this.countLimit = config.get<number>('MEMBER_COUNT_EXACT_LIMIT') ?? 10_000;
  }

  async create(ctx: RequestContext, input: MemberInput): Promise<MemberEntity> {
    const scope = this.access.requireLocal(ctx, 'members:write', input.localId);
    const workplaceId = input.workplaceId ?? null;
    const unitId = input.unitId ?? null;
    await this.placeWithin(scope, workplaceId, unitId);
    const phone = this.phone(input.phone);
    const email = input.email ?? null;
    const unseen = await this.claimContacts(scope, { email, phone }, null);
    const member = await this.members.insert(scope, {
      workplaceId,
      unitId,
      firstName: input.firstName,
      lastName: input.lastName,
      preferredName: input.preferredName ?? null,
      phone,
      email,
      preferredLanguage: input.preferredLanguage ?? null,
      status: input.status ?? MembershipStatus.PROSPECT,
      cardSignedAt: input.cardSignedAt ?? null,
      tags: input.tags ?? [],
      alertOptIn: input.alertOptIn ?? false,
    });
    await this.flagDuplicates(scope, member.id, unseen);
    await this.audit.recordIn(
      ctx,
      scope,
      'member.create',
      { type: 'Member', id: member.id },
      unseen.length ? { possibleDuplicates: unseen.length } : undefined,
    );
    return member;
  }

  /** Only the fields given change; null clears an optional one (alertOptIn: null keeps it). */
  async update(ctx: RequestContext, id: string, input: UpdateMemberInput): Promise<MemberEntity> {
    const scope = await this.access.requireRecord(ctx, 'members:write', 'member', id);
    const current = (await this.members.findInScope(scope, id))!;
    if (input.status === null) throw badInput('status cannot be empty.', 'status');
    const patch: Partial<MemberWritable> = {};
    for (const key of [
      'firstName',
      'lastName',
      'preferredName',
      'email',
      'preferredLanguage',
      'cardSignedAt',
    ] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    if (input.status) patch.status = input.status;
    if (input.tags !== undefined) patch.tags = input.tags ?? [];
    // Consent is given or withdrawn only by a true or false: null keeps it as it is.
    if (typeof input.alertOptIn === 'boolean') patch.alertOptIn = input.alertOptIn;
    if (input.phone !== undefined) patch.phone = this.phone(input.phone);
    if (input.workplaceId !== undefined || input.unitId !== undefined) {
      const workplaceId = input.workplaceId !== undefined ? input.workplaceId : current.workplaceId;
      // Moving to another workplace leaves the old unit behind unless a new one is given.
      const unitId =
        input.unitId !== undefined
          ? input.unitId
          : workplaceId === current.workplaceId
            ? current.unitId
            : null;
      await this.placeWithin(scope, workplaceId, unitId);
      Object.assign(patch, { workplaceId, unitId });
    }
    // Only a detail that changes is checked: a pair already flagged stays as it is until merged.
    const unseen = await this.claimContacts(
      scope,
      {
        email: patch.email && patch.email !== current.email ? patch.email : null,
        phone: patch.phone && patch.phone !== current.phone ? patch.phone : null,
      },
      id,
    );
    // After the contact lock (merge's order), so a merge that deleted the member first is NOT_FOUND.
    if (!(await this.members.lockMembers(scope, [id])).length) throw notFound();
    await this.members.update(scope, id, patch);
    await this.flagDuplicates(scope, id, unseen);
    await this.audit.recordIn(
      ctx,
      scope,
      'member.update',
      { type: 'Member', id },
      unseen.length ? { possibleDuplicates: unseen.length } : undefined,
    );
    return (await this.members.findInScope(scope, id)) ?? { ...current, ...patch };
  }

  async archive(ctx: RequestContext, id: string): Promise<MemberEntity> {
    const scope = await this.access.requireRecord(ctx, 'members:manage', 'member', id);
    // Held to the end: a merge or erasure that removed the member first makes this NOT_FOUND.
    if (!(await this.members.lockMembers(scope, [id])).length) throw notFound();
    const current = (await this.members.findInScope(scope, id))!;
    if (!current.archivedAt) await this.members.update(scope, id, { archivedAt: new Date() });
    await this.audit.recordIn(ctx, scope, 'member.archive', { type: 'Member', id });
    return (await this.members.findInScope(scope, id))!;
  }

  /**
   * Deletes the member and, through the database's cascades, every record about them, in the
   * request's one transaction. The audit event keeps the id only.
   */
  async erase(ctx: RequestContext, id: string): Promise<boolean> {
    const scope = await this.access.requireRecord(ctx, 'members:erase', 'member', id);
    // Merged away or erased by a request that committed after the check above: nothing to record.
    if (!(await this.members.delete(scope, id))) throw notFound();
    await this.audit.recordIn(ctx, scope, 'member.erase', { type: 'Member', id });
    return true;
  }

  /**
   * A steward's list is narrowed to their assigned workplaces, silently. `withCount` where the
   * request selected the total: it is counted exactly up to MEMBER_COUNT_EXACT_LIMIT.
   */
  list(
    ctx: RequestContext,
    localId: string,
    filter: MemberFilter | undefined,
    page: { first?: number | null; after?: string | null; withCount: boolean },
  ): Promise<Page<MemberEntity> & { totalCountIsExact: boolean | null }> {
    const scope = this.access.requireLocal(ctx, 'members:read', localId);
    const { first, after, withCount } = page;
    return this.members.page(scope, filter ?? {}, { first, after }, withCount ? this.countLimit : null);
  }

  async get(ctx: RequestContext, id: string): Promise<MemberEntity | null> {
    const scope = await this.access.findRecord(ctx, 'members:read', 'member', id);
    return scope ? this.members.findInScope(scope, id) : null;
  }

  /** Called by the one-on-ones service, in the same transaction as the conversation's insert. */
  applyConversation(
    scope: Scope,
    memberId: string,
    occurredAt: Date,
    supportLevel: number | null,
  ): Promise<void> {
    return this.members.applyConversation(scope, memberId, occurredAt, supportLevel);
  }

  /**
   * The scope nested member fields read with (a conversation's, a signature's member), or null
   * where the viewer reads no member of the local: they show what `member(id)` would.
   */
  readScope(ctx: RequestContext, localId: string): Scope | null {
    return this.access.scopeIn(ctx, 'members:read', localId);
  }

  /** The members among `ids` within a scope from libs/access; the rest read as missing. */
  inScope(scope: Scope, ids: readonly string[]): Promise<MemberEntity[]> {
    return this.members.findManyInScope(scope, ids);
  }

  /** Valid rows land together in the request's transaction; each invalid row is reported and skipped. */
  async importCsv(ctx: RequestContext, localId: string, csv: string): Promise<ImportSummary> {
    const scope = this.access.requireLocal(ctx, 'members:manage', localId);
    const { rows, format, ignoredColumns } = readMemberCsv(csv);
    const { valid, errors } = await this.validateRows(scope, rows);
    await this.members.lockContacts(scope);
    const candidates = await this.members.findMatchCandidates(scope, {
      emails: valid.flatMap((r) => (r.fields.email ? [r.fields.email] : [])),
      phones: valid.flatMap((r) => (r.fields.phone ? [r.fields.phone] : [])),
      names: valid.map((r) => foldedName(r.fields.firstName, r.fields.lastName)),
    });
    const plan = planImport(valid, candidates, randomUUID);
    await this.members.insertMany(scope, plan.creates);
    await this.members.updateMany(scope, plan.updates);
    if (plan.creates.length + plan.updates.length >= IMPORT_ANALYZE_ROWS)
      await this.members.analyzeAfterImport();
    const allErrors = [...errors, ...plan.errors].sort((a, b) => a.row - b.row);
    const summary = {
      created: plan.created,
      updated: plan.updated,
      skipped: allErrors.length,
      errors: allErrors,
      format,
      ignoredColumns,
    };
    await this.audit.recordIn(ctx, scope, 'member.import', null, {
      rows: rows.length,
      created: summary.created,
      updated: summary.updated,
      skipped: summary.skipped,
    });
    return summary;
  }

  /** Every member who is not archived, as CSV, with spreadsheet formulas neutralized. */
  async exportCsv(ctx: RequestContext, localId: string): Promise<string> {
    const scope = this.access.requireLocal(ctx, 'members:export', localId);
    const rows = await this.members.exportRows(scope);
    const cell = (v: unknown): string =>
      neutralizeFormula(v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v));
    const body = rows.map((m) =>
      [
        m.firstName,
        m.lastName,
        m.preferredName,
        m.email,
        m.phone,
        m.preferredLanguage,
        m.status,
        m.workplaceName,
        m.unitName,
        m.tags.join(';'),
        m.supportLevel,
        m.cardSignedAt,
        m.lastContactAt,
        m.alertOptIn ? 'yes' : 'no',
      ].map(cell),
    );
    await this.audit.recordIn(ctx, scope, 'member.export', null, { rows: rows.length });
    return stringify([[...EXPORT_COLUMNS], ...body]);
  }

  /** The local's possible duplicates, oldest first, with both members (organizers and admins). */
  async possibleDuplicates(
    ctx: RequestContext,
    localId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<PossibleDuplicatePair>> {
    const scope = this.access.requireLocal(ctx, 'members:manage', localId);
    const page = await this.members.possibleDuplicatesPage(scope, { first, after });
    const ids = [...new Set(page.nodes.flatMap((r) => [r.memberId, r.otherMemberId]))];
    const byId = new Map((await this.members.findManyInScope(scope, ids)).map((m) => [m.id, m]));
    return mapPage(page, (r) => ({ ...r, member: byId.get(r.memberId)!, other: byId.get(r.otherMemberId)! }));
  }

  /** The two are different people (a shared family phone): the flag goes, both records stay. */
  async dismissPossibleDuplicate(ctx: RequestContext, id: string): Promise<boolean> {
    const { scope } = await this.requirePossibleDuplicate(ctx, id);
    // A merge of the pair holds its row: this waits for it, then finds nothing to dismiss.
    if (!(await this.members.deletePossibleDuplicate(scope, id))) throw notFound();
    await this.audit.recordIn(ctx, scope, 'member.duplicate.dismiss', { type: 'PossibleDuplicate', id });
    return true;
  }

  /**
   * One person, two records: `keepMemberId` (either of the pair) stays and takes in the other's
   * details, conversations and signatures; the other record is deleted. The audit event holds the
   * deleted record's id, as an erasure's does.
   */
  async mergePossibleDuplicate(ctx: RequestContext, id: string, keepMemberId: string): Promise<MemberEntity> {
    const { scope, pair } = await this.requirePossibleDuplicate(ctx, id);
    if (keepMemberId !== pair.memberId && keepMemberId !== pair.otherMemberId)
      throw badInput('keepMemberId must be one of the two members of the pair.', 'keepMemberId');
    const goneId = keepMemberId === pair.memberId ? pair.otherMemberId : pair.memberId;
    // Filling the kept record's blanks sets contact details: the same lock as any such write.
    await this.members.lockContacts(scope);
    // What was read above may be stale: another merge of the pair (keeping the other member), a
    // dismissal or an erasure may have committed while this one waited for the lock. Lock both
    // members, then the pair (the order an erasure's cascade takes them), and read them again; if
    // anything is gone, nothing is written, or this merge would delete the survivor of the first.
    const present = await this.members.lockMembers(scope, [keepMemberId, goneId]);
    if (present.length < 2 || !(await this.members.lockPossibleDuplicate(scope, id))) throw notFound();
    await this.members.merge(scope, keepMemberId, goneId);
    await this.audit.recordIn(ctx, scope, 'member.merge', { type: 'Member', id: goneId });
    return (await this.members.findInScope(scope, keepMemberId))!;
  }

  /** As access.requireRecord: a pair of another local, or none, is NOT_FOUND; a role without the capability FORBIDDEN. */
  private async requirePossibleDuplicate(
    ctx: RequestContext,
    id: string,
  ): Promise<{ scope: Scope; pair: PossibleDuplicateRow }> {
    const localId = isUuid(id) ? await this.members.localOfPossibleDuplicate(id, ctx.actor.localIds) : null;
    if (!localId) throw notFound();
    const scope = this.access.requireLocal(ctx, 'members:manage', localId);
    const pair = await this.members.findPossibleDuplicate(scope, id);
    if (!pair) throw notFound();
    return { scope, pair };
  }

  /**
   * Contact details stay unique within what the writer can see. A member in the writer's scope
   * with the same email or phone is a CONFLICT: they could find that member anyway. One outside it
   * (a steward's unassigned workplace, or no workplace) must not change the answer, or a steward
   * could learn that someone at another site is on file: the write goes through, and the holders
   * it met are returned to be flagged as possible duplicates for an organizer.
   */
  private async claimContacts(
    scope: Scope,
    contact: { email: string | null; phone: string | null },
    exceptId: string | null,
  ): Promise<ContactHolder[]> {
    if (!contact.email && !contact.phone) return [];
    await this.members.lockContacts(scope);
    const holders = await this.members.contactHolders(scope, contact, exceptId);
    const visible = (h: ContactHolder) =>
      scope.workplaceIds === 'all' || (!!h.workplaceId && scope.workplaceIds.includes(h.workplaceId));
    if (holders.some((h) => h.email && visible(h)))
      throw conflict('Another member of this local already has this email.', 'email');
    if (holders.some((h) => h.phone && visible(h)))
      throw conflict('Another member of this local already has this phone number.', 'phone');
    return holders;
  }

  private async flagDuplicates(scope: Scope, memberId: string, holders: ContactHolder[]): Promise<void> {
    for (const h of holders) {
      const matched = [...(h.email ? (['EMAIL'] as const) : []), ...(h.phone ? (['PHONE'] as const) : [])];
      await this.members.flagPossibleDuplicate(scope, memberId, h.id, matched);
    }
  }

  /** Checks each CSV row with the same rules as createMember, and resolves workplace and unit names. */
  private async validateRows(
    scope: Scope,
    rows: CsvRow[],
  ): Promise<{ valid: ValidRow[]; errors: ImportError[] }> {
    const names = [...new Set(rows.flatMap((r) => (r.values.workplace ? [r.values.workplace] : [])))];
    const workplaces = await this.workplaces.byNames(scope.localId, names);
    const byName = new Map(workplaces.map((w) => [w.name.toLowerCase(), w]));
    const units = await this.workplaces.unitsOf(
      scope,
      workplaces.map((w) => w.id),
    );
    const unitOf = (workplaceId: string, name: string) =>
      units.find((u) => u.workplaceId === workplaceId && u.name.toLowerCase() === name.toLowerCase());

    const valid: ValidRow[] = [];
    const errors: ImportError[] = [];
    for (const { row, values } of rows) {
      const dto = plainToInstance(MemberInput, {
        localId: scope.localId,
        firstName: values.firstName ?? '',
        lastName: values.lastName ?? '',
        preferredName: values.preferredName,
        email: values.email,
        phone: values.phone,
        preferredLanguage: values.preferredLanguage && languageOf(values.preferredLanguage),
        status: values.status?.toUpperCase().replace(/[\s-]+/g, '_'),
        tags: values.tags?.split(';'),
        alertOptIn: values.alertOptIn === undefined ? undefined : yesNo(values.alertOptIn),
      });
      const problems = validateSync(dto);
      if (problems.length) {
        errors.push({ row, message: firstProblem(problems) });
        continue;
      }
      const phone = dto.phone ? toE164(dto.phone, this.region) : undefined;
      if (phone === null) {
        errors.push({ row, message: `phone: "${dto.phone}" is not a phone number` });
        continue;
      }
      if (values.alertOptIn !== undefined && dto.alertOptIn === undefined) {
        errors.push({
          row,
          message: `alertOptIn: "${values.alertOptIn}" is not yes or no; write yes, no, sí, si, true, false, 1 or 0`,
        });
        continue;
      }
      const workplace = values.workplace ? byName.get(values.workplace.toLowerCase()) : undefined;
      if (values.workplace && !workplace) {
        errors.push({ row, message: `workplace: no workplace named "${values.workplace}" in this local` });
        continue;
      }
      const unit = values.unit && workplace ? unitOf(workplace.id, values.unit) : undefined;
      if (values.unit && !unit) {
        errors.push({
          row,
          message: `unit: no unit named "${values.unit}" in ${workplace ? `"${workplace.name}"` : 'a row without a workplace'}`,
        });
        continue;
      }
      const fields: ValidRow['fields'] = { firstName: dto.firstName, lastName: dto.lastName };
      if (dto.preferredName) fields.preferredName = dto.preferredName;
      if (dto.email) fields.email = dto.email;
      if (phone) fields.phone = phone;
      if (dto.preferredLanguage) fields.preferredLanguage = dto.preferredLanguage;
      if (dto.status) fields.status = dto.status;
      if (dto.tags) fields.tags = dto.tags;
      if (typeof dto.alertOptIn === 'boolean') fields.alertOptIn = dto.alertOptIn;
      if (workplace) fields.workplaceId = workplace.id;
      if (unit) fields.unitId = unit.id;
      valid.push({ row, fields });
    }
    return { valid, errors };
  }

  /** E.164 or null; a number that cannot be one is the caller's mistake, named. */
  private phone(raw: string | null | undefined): string | null {
    if (!raw) return null;
    const e164 = toE164(raw, this.region);
    if (!e164) throw badInput(`phone: "${raw}" is not a phone number.`, 'phone');
    return e164;
  }

  /**
   * The workplace must be the local's (and a steward's own), the unit the workplace's. A steward
   * always places a member in one of their workplaces, or could not see them afterwards.
   */
  private async placeWithin(scope: Scope, workplaceId: string | null, unitId: string | null): Promise<void> {
    if (scope.workplaceIds !== 'all') {
      if (!workplaceId) throw badInput('Add the member to one of your assigned workplaces.', 'workplaceId');
      if (!scope.workplaceIds.includes(workplaceId)) throw noSuchWorkplace();
    }
    await this.workplaces.requirePlacement(scope, workplaceId, unitId);
  }
}
