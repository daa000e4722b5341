import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { badInput, conflict, isUuid, notFound, PetitionStatus, SignatureMethod } from '@juntos/common';
import { Scope, systemScope } from '@juntos/access';
import { MemberEntity, TransactionHost } from '@juntos/db';
import { ApiScope, ApiTokenEntity } from '../api-tokens/api-token.entity';
import { EventStatus, RsvpStatus } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { UpdateMemberInput } from '../members/dto/member.inputs';
import { normalizeTags, toE164 } from '../members/member-fields';
import { foldedName, planImport } from '../members/member-import';
import { MembersRepository, MemberWritable } from '../members/members.repository';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { WorkplacesService } from '../workplaces/workplaces.service';
import {
  AttendanceInput,
  OsdiPersonInput,
  parseAttendance,
  parseSignature,
  parseSignup,
  SignatureInput,
  SignupInput,
} from './osdi-helper-input';
import { OsdiHelpersRepository } from './osdi-helpers.repository';
import { OsdiAttendanceRow, OsdiPersonRow, OsdiRepository, OsdiSignatureRow } from './osdi.repository';
import { OsdiCaller, OsdiService } from './osdi.service';

/**
 * What a helper wrote, and whether it is new (201) or was there already (200). `reader` is
 * whether the token also holds OSDI_READ: a write-only token is answered the record's id and
 * links only, always with 200, so its answer never shows who was in the local already.
 */
export interface Written<T> {
  record: T;
  created: boolean;
  reader: boolean;
}

/**
 * A token that may not read must name everyone it signs up: were a name needed only for someone
 * new, a signup by email alone would tell it whether that address is a member's.
 */
function namesFromWriter(token: ApiTokenEntity, input: SignupInput): boolean {
  const reader = token.scopes.includes(ApiScope.OSDI_READ);
  if (!reader && (!input.person.firstName || !input.person.lastName))
    throw badInput(
      'A token without OSDI_READ sends person.given_name and person.family_name with every person.',
      'person',
    );
  return reader;
}

const WRITABLE: (keyof MemberWritable)[] = [
  'workplaceId',
  'unitId',
  'firstName',
  'lastName',
  'preferredName',
  'phone',
  'email',
  'preferredLanguage',
  'status',
  'cardSignedAt',
  'tags',
  'alertOptIn',
];

/** The OSDI name of each member field, for error messages a sync tool's author can act on. */
const OSDI_NAME: Record<string, string> = {
  firstName: 'person.given_name',
  lastName: 'person.family_name',
  preferredName: 'custom_fields.juntos_preferred_name',
  email: 'person.email_addresses',
  phone: 'person.phone_numbers',
  preferredLanguage: 'person.preferred_language',
  status: 'custom_fields.juntos_status',
  tags: 'add_tags',
};

const MAX_TAGS = 20;

/**
 * The OSDI write helpers (OSDI_WRITE): the Person Signup Helper, and the Record Signature and
 * Record Attendance Helpers with an inline person. Each runs in OsdiService.run: the token's
 * local only (a petition or event of another local is NOT_FOUND), one transaction, audited with
 * a count. The domain's rules hold as in GraphQL; the repositories are the domain's own.
 */
@Injectable()
export class OsdiHelpersService {
  private readonly region: string;

  constructor(
    private readonly osdi: OsdiService,
    private readonly people: OsdiRepository,
    private readonly helpers: OsdiHelpersRepository,
    private readonly members: MembersRepository,
    private readonly petitions: PetitionsRepository,
    private readonly events: EventsRepository,
    private readonly workplaces: WorkplacesService,
    private readonly tx: TransactionHost,
    config: ConfigService,
  ) {
    this.region = config.get<string>('PHONE_DEFAULT_REGION') ?? 'US';
  }

  signup(caller: OsdiCaller, body: unknown): Promise<Written<OsdiPersonRow>> {
    return this.osdi.run(caller, ApiScope.OSDI_WRITE, 'osdi.write.person_signup', async (token) => {
      const scope = systemScope(this.tx, 'osdi:exchange', token.localId);
      const input = parseSignup(body);
      const reader = namesFromWriter(token, input);
      const { member, created } = await this.signUp(scope, input);
      return {
        result: { record: (await this.people.person(scope.localId, member.id))!, created, reader },
        records: 1,
      };
    });
  }

  /** As addSignature: only while the petition is OPEN, by a member of its workplace, once. */
  recordSignature(caller: OsdiCaller, petitionId: string, body: unknown): Promise<Written<OsdiSignatureRow>> {
    return this.osdi.run(caller, ApiScope.OSDI_WRITE, 'osdi.write.record_signature', async (token) => {
      const scope = systemScope(this.tx, 'osdi:exchange', token.localId);
      const input: SignatureInput = parseSignature(body);
      const reader = namesFromWriter(token, input);
      const petition = isUuid(petitionId) ? await this.petitions.find(scope, petitionId) : null;
      if (!petition) throw notFound('Petition');
      if (petition.status !== PetitionStatus.OPEN) throw notCollecting(petition.status);
      if (input.actionDate && input.actionDate.getTime() > Date.now() + 3600_000)
        throw badInput('action_date cannot be in the future.', 'action_date');
      const { member } = await this.signUp(scope, input);
      this.mayTakePart(member, petition.workplaceId, 'petition');
      const existing = await this.helpers.signatureId(scope, petition.id, member.id);
      const signature = await this.petitions.sign(scope, {
        petitionId: petition.id,
        memberId: member.id,
        collectedBy: token.createdBy,
        method: SignatureMethod.DIGITAL,
        signedAt: input.actionDate,
      });
      // Closed by a request that committed since the petition was read.
      if (!signature) throw notCollecting((await this.petitions.find(scope, petition.id))!.status);
      // Answered as the reads show it.
      const record = (await this.people.signature(scope.localId, petition.id, signature.id))!;
      return { result: { record, created: !existing, reader }, records: 1 };
    });
  }

  /**
   * As rsvp and recordAttendance: only while the event is SCHEDULED, attendance from its start
   * on, by a member of its workplace. The RSVP and `attended` are kept apart; what is not sent
   * stays as it was, and a new answer without either is an accepted RSVP.
   */
  recordAttendance(caller: OsdiCaller, eventId: string, body: unknown): Promise<Written<OsdiAttendanceRow>> {
    return this.osdi.run(caller, ApiScope.OSDI_WRITE, 'osdi.write.record_attendance', async (token) => {
      const scope = systemScope(this.tx, 'osdi:exchange', token.localId);
      const input: AttendanceInput = parseAttendance(body);
      const reader = namesFromWriter(token, input);
      const event = isUuid(eventId) ? await this.events.find(scope, eventId) : null;
      if (!event) throw notFound('Event');
      if (event.status !== EventStatus.SCHEDULED) throw notScheduled();
      if (input.attended !== undefined && event.startsAt.getTime() > Date.now())
        throw badInput('Attendance is taken from the event’s start on.', 'attended');
      const { member } = await this.signUp(scope, input);
      this.mayTakePart(member, event.workplaceId, 'event');
      const existing = await this.helpers.attendance(scope, event.id, member.id);
      const status =
        input.status ?? (!existing && input.attended === undefined ? RsvpStatus.ACCEPTED : undefined);
      const who = { eventId: event.id, recordedBy: token.createdBy };
      let written = existing;
      // Only what changes is written, so a second identical call leaves the row as it was.
      if (status && status !== existing?.rsvp)
        written = await this.events.rsvp(scope, { ...who, memberId: member.id, status });
      if (input.attended !== undefined && input.attended !== existing?.attended) {
        const rows = await this.events.recordAttendance(scope, {
          ...who,
          memberIds: [member.id],
          attended: input.attended,
        });
        written = rows?.[0] ?? null;
      }
      // Cancelled by a request that committed since the event was read.
      if (!written) throw notScheduled();
      const record = (await this.people.attendance(scope.localId, event.id, written.id))!;
      return { result: { record, created: !existing, reader }, records: 1 };
    });
  }

  /**
   * Finds the member as a CSV import row would (email, then phone, then name and workplace; see
   * planImport), or adds them. Fields sent replace the member's, fields not sent stay, tags are
   * added (and `remove_tags` taken off). A member is written only if something changed, so
   * `modified_date` moves exactly when an incremental sync should pick them up.
   */
  private async signUp(
    scope: Scope,
    input: SignupInput,
  ): Promise<{ member: MemberEntity; created: boolean }> {
    const fields = await this.memberFields(scope, input.person, input.addTags);
    // Contact details are claimed under the local's lock, as every write that sets them.
    await this.members.lockContacts(scope);
    const candidates = await this.members.findMatchCandidates(scope, {
      emails: fields.email ? [fields.email] : [],
      phones: fields.phone ? [fields.phone] : [],
      names: fields.firstName && fields.lastName ? [foldedName(fields.firstName, fields.lastName)] : [],
    });
    // A person sent without a name is found by email, then phone, and keeps the name they have.
    const holder =
      candidates.find((m) => fields.email && m.email === fields.email) ??
      candidates.find((m) => fields.phone && m.phone === fields.phone);
    const firstName = fields.firstName ?? holder?.firstName;
    const lastName = fields.lastName ?? holder?.lastName;
    if (!firstName || !lastName)
      throw badInput('person.given_name and person.family_name are needed to add someone new.', 'person');
    const plan = planImport([{ row: 1, fields: { ...fields, firstName, lastName } }], candidates, randomUUID);
    if (plan.errors.length) throw conflict(plan.errors[0].message.replace(/^\w+: /, ''));
    const next = plan.creates[0] ?? plan.updates[0];
    const before = candidates.find((m) => m.id === next.id);
    // Moving to another workplace leaves the old unit behind unless a new one is sent.
    if (
      before &&
      fields.workplaceId &&
      fields.unitId === undefined &&
      fields.workplaceId !== before.workplaceId
    )
      next.unitId = null;
    const removed = new Set(normalizeTags(input.removeTags));
    next.tags = (normalizeTags([...(before?.tags ?? []), ...(fields.tags ?? [])]) as string[]).filter(
      (t) => !removed.has(t),
    );
    if (next.tags.length > MAX_TAGS) throw badInput(`A person holds at most ${MAX_TAGS} tags.`, 'add_tags');
    if (!before) await this.members.insertMany(scope, [next]);
    else if (WRITABLE.some((k) => !isDeepStrictEqual(before[k], next[k])))
      await this.members.updateMany(scope, [next]);
    return { member: (await this.members.findManyInScope(scope, [next.id]))[0], created: !before };
  }

  /** The person's fields under the rules createMember and the CSV import apply, workplace and unit by name. */
  private async memberFields(
    scope: Scope,
    p: OsdiPersonInput,
    addTags: string[],
  ): Promise<Partial<MemberWritable>> {
    const dto = plainToInstance(UpdateMemberInput, {
      firstName: p.firstName,
      lastName: p.lastName,
      preferredName: p.preferredName,
      email: p.email,
      phone: p.phone,
      preferredLanguage: p.preferredLanguage,
      status: p.status?.toUpperCase().replace(/[\s-]+/g, '_'),
      tags: addTags,
    });
    const [problem] = validateSync(dto);
    if (problem) {
      const name = OSDI_NAME[problem.property] ?? problem.property;
      throw badInput(`${name}: ${Object.values(problem.constraints ?? {})[0] ?? 'is not valid'}.`, name);
    }
    const phone = dto.phone ? toE164(dto.phone, this.region) : undefined;
    if (phone === null)
      throw badInput(`person.phone_numbers: "${dto.phone}" is not a phone number.`, 'phone');
    const fields: Partial<MemberWritable> = {};
    if (dto.firstName) fields.firstName = dto.firstName;
    if (dto.lastName) fields.lastName = dto.lastName;
    if (dto.preferredName) fields.preferredName = dto.preferredName;
    if (dto.email) fields.email = dto.email;
    if (phone) fields.phone = phone;
    if (dto.preferredLanguage) fields.preferredLanguage = dto.preferredLanguage;
    if (dto.status) fields.status = dto.status;
    if (dto.tags?.length) fields.tags = dto.tags;
    if (p.unit && !p.workplace)
      throw badInput(
        'custom_fields.juntos_unit needs custom_fields.juntos_workplace beside it.',
        'juntos_unit',
      );
    if (p.workplace) {
      const [workplace] = await this.workplaces.byNames(scope.localId, [p.workplace]);
      if (!workplace)
        throw badInput(`No workplace named "${p.workplace}" in this local.`, 'juntos_workplace');
      fields.workplaceId = workplace.id;
      if (p.unit) {
        const units = await this.workplaces.unitsOf(scope, [workplace.id]);
        const unit = units.find((u) => u.name.toLowerCase() === p.unit!.toLowerCase());
        if (!unit) throw badInput(`No unit named "${p.unit}" in "${workplace.name}".`, 'juntos_unit');
        fields.unitId = unit.id;
      }
    }
    return fields;
  }

  /** An archived member takes no part; a workplace's petition or event is for its members. */
  private mayTakePart(member: MemberEntity, workplaceId: string | null, what: 'petition' | 'event'): void {
    if (member.archivedAt) throw badInput('The member is archived.', 'person');
    if (workplaceId && member.workplaceId !== workplaceId)
      throw badInput(
        `The member does not work at, or live in, this ${what}'s workplace: send custom_fields.juntos_workplace.`,
        'person',
      );
  }
}

const notCollecting = (status: PetitionStatus) =>
  badInput(`Signatures are collected while a petition is OPEN; this one is ${status}.`, 'petition');

const notScheduled = () => badInput('This event is cancelled: it takes no RSVPs or attendance.', 'event');
