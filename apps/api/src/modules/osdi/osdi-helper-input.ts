import { badInput } from '@juntos/common';
import { RsvpStatus } from '../events/event.entity';
import { osdiDate } from './osdi-paging';

/**
 * What an OSDI person document says that Juntos keeps, as sent (the member rules check it
 * later). A field left out, or null, is "not sent": OSDI's helpers keep what a person has.
 * Addresses, gender, birthdays and the like are not read: Juntos does not keep them.
 */
export interface OsdiPersonInput {
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  email?: string;
  phone?: string;
  preferredLanguage?: string;
  status?: string;
  workplace?: string;
  unit?: string;
}

export interface SignupInput {
  person: OsdiPersonInput;
  addTags: string[];
  removeTags: string[];
}

export interface SignatureInput extends SignupInput {
  actionDate: Date | null;
}

export interface AttendanceInput extends SignupInput {
  status?: RsvpStatus;
  attended?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

function text(o: Json, key: string, path: string): string | undefined {
  const v = o[key];
  if (absent(v)) return undefined;
  if (typeof v !== 'string') throw badInput(`${path} must be text.`, path);
  return v;
}

/** The primary entry of an OSDI list (email_addresses, phone_numbers), else its first. */
function primary(person: Json, key: string): Json | undefined {
  const list = person[key];
  if (absent(list)) return undefined;
  if (!Array.isArray(list) || !list.every(isObject))
    throw badInput(`person.${key} must be a list of objects.`, `person.${key}`);
  return list.find((e) => e.primary === true) ?? list[0];
}

/** As a member's tags in GraphQL (TagList(20, 40) in member.inputs.ts): how many, and how long each. */
const MAX_TAG_ENTRIES = 20;
const MAX_TAG_LENGTH = 40;

/** A list of tag names, its size and each name's length checked before anything reads them further. */
function tagNames(body: Json, key: string): string[] {
  const v = body[key];
  if (absent(v)) return [];
  if (!Array.isArray(v)) throw badInput(`${key} must be a list of tag names.`, key);
  if (v.length > MAX_TAG_ENTRIES) throw badInput(`${key} holds at most ${MAX_TAG_ENTRIES} tags.`, key);
  if (!v.every((t) => typeof t === 'string')) throw badInput(`${key} must be a list of tag names.`, key);
  if (v.some((t: string) => t.trim().length > MAX_TAG_LENGTH))
    throw badInput(`Each tag in ${key} is at most ${MAX_TAG_LENGTH} characters.`, key);
  return v as string[];
}

/** A phone's number: text, or a JSON number as in the OSDI docs' own examples (19876543210). */
function phoneNumber(entry: Json | undefined): string | undefined {
  if (!entry) return undefined;
  if (typeof entry.number === 'number' && Number.isSafeInteger(entry.number)) return String(entry.number);
  return text(entry, 'number', 'person.phone_numbers.number');
}

/** The Person Signup Helper's body: `{ person, add_tags?, remove_tags? }`. */
export function parseSignup(body: unknown): SignupInput {
  if (!isObject(body))
    throw badInput(
      'Send a JSON object as the body, with Content-Type: application/json or application/hal+json.',
      'body',
    );
  if (!isObject(body.person))
    throw badInput('person is missing: send the person as an OSDI person object.', 'person');
  const p = body.person;
  const custom = absent(p.custom_fields) ? {} : p.custom_fields;
  if (!isObject(custom)) throw badInput('person.custom_fields must be an object.', 'person.custom_fields');
  const field = (o: Json, key: string, path: string) => text(o, key, path)?.trim() || undefined;
  const person: OsdiPersonInput = {
    firstName: field(p, 'given_name', 'person.given_name'),
    lastName: field(p, 'family_name', 'person.family_name'),
    preferredName: field(custom, 'juntos_preferred_name', 'custom_fields.juntos_preferred_name'),
    email: field(primary(p, 'email_addresses') ?? {}, 'address', 'person.email_addresses.address'),
    phone: phoneNumber(primary(p, 'phone_numbers'))?.trim() || undefined,
    preferredLanguage: field(p, 'preferred_language', 'person.preferred_language'),
    status: field(custom, 'juntos_status', 'custom_fields.juntos_status'),
    workplace: field(custom, 'juntos_workplace', 'custom_fields.juntos_workplace'),
    unit: field(custom, 'juntos_unit', 'custom_fields.juntos_unit'),
  };
  if (!person.email && !person.phone)
    throw badInput(
      'A person needs an email address or a phone number: Juntos finds people by them.',
      'person',
    );
  return { person, addTags: tagNames(body, 'add_tags'), removeTags: tagNames(body, 'remove_tags') };
}

/** The Record Signature Helper's body: a signup, and when the person signed (`action_date`). */
export function parseSignature(body: unknown): SignatureInput {
  const signup = parseSignup(body);
  const raw = text(body as Json, 'action_date', 'action_date');
  const actionDate = raw === undefined ? null : osdiDate(raw);
  if (raw !== undefined && !actionDate)
    throw badInput(
      'action_date must be a date and time from 1900 to 9999, such as 2026-03-18T11:02:15Z.',
      'action_date',
    );
  return { ...signup, actionDate };
}

/** OSDI's RSVP statuses, as Juntos stores them. */
const RSVP: Record<string, RsvpStatus> = {
  accepted: RsvpStatus.ACCEPTED,
  declined: RsvpStatus.DECLINED,
  tentative: RsvpStatus.TENTATIVE,
  'needs action': RsvpStatus.NEEDS_ACTION,
};

/** The Record Attendance Helper's body: a signup, an RSVP `status` and, apart, `attended`. */
export function parseAttendance(body: unknown): AttendanceInput {
  const signup = parseSignup(body);
  const o = body as Json;
  const raw = text(o, 'status', 'status');
  const status =
    raw === undefined
      ? undefined
      : RSVP[
          raw
            .trim()
            .toLowerCase()
            .replace(/[\s_-]+/g, ' ')
        ];
  if (raw !== undefined && !status)
    throw badInput('status must be accepted, declined, tentative or needs action.', 'status');
  if (!absent(o.attended) && typeof o.attended !== 'boolean')
    throw badInput('attended must be true or false.', 'attended');
  return { ...signup, status, attended: absent(o.attended) ? undefined : (o.attended as boolean) };
}
