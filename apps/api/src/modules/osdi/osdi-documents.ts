import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { OSDI_MAX_PAGE, OsdiPage, pageLinks } from './osdi-paging';
import {
  OsdiAttendanceRow,
  OsdiEventRow,
  OsdiPersonRow,
  OsdiPetitionRow,
  OsdiSignatureRow,
  OsdiTaggingRow,
  OsdiTagRow,
} from './osdi.repository';

const CURIES = [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true }];

type Link = { href: string; title?: string; templated?: boolean };
type Doc = { _links: { self: Link } };

/** The API entry point: what this server offers, and where. */
export function entryPoint(base: string) {
  return {
    motd: 'Juntos: OSDI for union locals and tenant unions',
    osdi_version: '1.2.0',
    vendor_name: 'Juntos',
    product_name: 'Juntos',
    namespace: 'juntos',
    max_pagesize: OSDI_MAX_PAGE,
    _links: {
      self: { href: `${base}/`, title: 'The OSDI entry point' },
      curies: CURIES,
      'osdi:people': { href: `${base}/people`, title: "The local's members" },
      'osdi:petitions': { href: `${base}/petitions`, title: "The local's petitions" },
      'osdi:events': { href: `${base}/events`, title: "The local's events" },
      'osdi:tags': { href: `${base}/tags`, title: "The tags on the local's members" },
      'osdi:person_signup_helper': {
        href: `${base}/people/person_signup`,
        title: 'Sign a person up (POST)',
      },
      'osdi:record_signature_helper': {
        href: `${base}/petitions/{id}/signatures`,
        templated: true,
        title: 'Record a signature on a petition, with its signer (POST)',
      },
      'osdi:record_attendance_helper': {
        href: `${base}/events/{id}/attendances`,
        templated: true,
        title: 'Record an RSVP or attendance at an event, with its person (POST)',
      },
    },
  };
}

/** A collection page: paging fields, links to each item, and the items embedded under `rel`. */
export function collection<T extends Doc>(href: string, rel: string, p: OsdiPage, total: number, items: T[]) {
  const { fields, links } = pageLinks(href, p, total);
  return {
    ...fields,
    _links: { ...links, curies: CURIES, [rel]: items.map((x) => ({ href: x._links.self.href })) },
    _embedded: { [rel]: items },
  };
}

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of a namespace UUID and a name). The same
 * namespace and name always give the same id, so an id can be made for what has no row.
 */
export function nameUuid(namespace: string, name: string): string {
  const h = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8');
  const b = h.digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = b.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * A tag is a name in `member.tags`, with no row of its own: its id is the name-based UUID of the
 * name in the local's namespace (the local's id). The same name in the same local is always the
 * same id, while any member carries it and after; another local's tag of that name differs. The
 * name stays out of addresses (and so out of access logs), since a tag may say something private.
 */
export const tagId = (localId: string, name: string): string => nameUuid(localId, name);

/** A tagging (one member carrying one tag): the name-based UUID of the member's id in the tag's namespace. */
export const taggingId = (tag: string, memberId: string): string => nameUuid(tag, memberId);

/** The fields every OSDI resource carries: its identifier in our namespace and its dates. */
function common(id: string, created: Date, modified: Date) {
  return {
    identifiers: [`juntos:${id}`],
    created_date: created.toISOString(),
    modified_date: modified.toISOString(),
  };
}

/**
 * A phone's kind as OSDI names it. A number that may be mobile (North America cannot tell) is
 * taken as mobile, as texting tools do.
 */
function phoneNumber(phone: string) {
  const type = parsePhoneNumberFromString(phone)?.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  return {
    primary: true,
    number: phone,
    number_type: mobile ? 'Mobile' : type === 'FIXED_LINE' ? 'Home' : 'Other',
    sms_capable: mobile,
  };
}

/**
 * A member as an OSDI person. Only what OSDI carries and a local may share: never an assessment,
 * a conversation, a note, a committee seat or alert consent.
 */
export function person(base: string, r: OsdiPersonRow) {
  const custom: Record<string, string> = { juntos_status: r.status };
  if (r.workplace_name) custom.juntos_workplace = r.workplace_name;
  if (r.unit_name) custom.juntos_unit = r.unit_name;
  if (r.preferred_name) custom.juntos_preferred_name = r.preferred_name;
  const self = `${base}/people/${r.id}`;
  return {
    ...common(r.id, r.created_at, r.updated_at),
    given_name: r.first_name,
    family_name: r.last_name,
    ...(r.preferred_language && { preferred_language: r.preferred_language }),
    ...((r.employer ?? r.workplace_name) && { employer: r.employer ?? r.workplace_name }),
    email_addresses: r.email ? [{ primary: true, address: r.email }] : [],
    phone_numbers: r.phone ? [phoneNumber(r.phone)] : [],
    custom_fields: custom,
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:attendances': { href: `${self}/attendances` },
      'osdi:taggings': { href: `${self}/taggings` },
    },
  };
}

/** A petition: its demand is the letter to the target (`petition_text`) and its description. */
export function petition(base: string, r: OsdiPetitionRow) {
  const self = `${base}/petitions/${r.id}`;
  const custom: Record<string, string> = { juntos_status: r.status, juntos_goal: String(r.goal) };
  if (r.workplace_name) custom.juntos_workplace = r.workplace_name;
  return {
    ...common(r.id, r.created_at, r.modified_at),
    title: r.title,
    description: r.demand,
    petition_text: r.demand,
    target: [{ name: r.target }],
    total_signatures: r.total_signatures,
    custom_fields: custom,
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:record_signature_helper': { href: `${self}/signatures` },
    },
  };
}

/** A signature: `created_date` and `action_date` are when it was signed; how it was collected is a custom field. */
export function signature(base: string, r: OsdiSignatureRow) {
  return {
    ...common(r.id, r.signed_at, r.modified_at),
    action_date: r.signed_at.toISOString(),
    custom_fields: { juntos_method: r.method },
    _links: {
      self: { href: `${base}/petitions/${r.petition_id}/signatures/${r.id}` },
      'osdi:petition': { href: `${base}/petitions/${r.petition_id}` },
      'osdi:person': { href: `${base}/people/${r.member_id}` },
    },
  };
}

const EVENT_STATUS: Record<string, string> = { SCHEDULED: 'confirmed', CANCELLED: 'cancelled' };

/** An event: an open (unticketed), private event of the local; its place is free text, the venue. */
export function event(base: string, r: OsdiEventRow) {
  const self = `${base}/events/${r.id}`;
  const custom: Record<string, string> = { juntos_kind: r.kind, juntos_timezone: r.timezone };
  if (r.workplace_name) custom.juntos_workplace = r.workplace_name;
  return {
    ...common(r.id, r.created_at, r.modified_at),
    title: r.title,
    ...(r.description !== null && { description: r.description }),
    type: 'open',
    visibility: 'private',
    status: EVENT_STATUS[r.status] ?? 'confirmed',
    start_date: r.starts_at.toISOString(),
    ...(r.ends_at && { end_date: r.ends_at.toISOString() }),
    ...(r.location !== null && { location: { venue: r.location } }),
    ...(r.capacity !== null && { capacity: r.capacity }),
    total_accepted: r.total_accepted,
    custom_fields: custom,
    _links: {
      self: { href: self },
      'osdi:attendances': { href: `${self}/attendances` },
      'osdi:record_attendance_helper': { href: `${self}/attendances` },
    },
  };
}

/** OSDI's RSVP answers. */
const RSVP: Record<string, string> = {
  ACCEPTED: 'accepted',
  TENTATIVE: 'tentative',
  DECLINED: 'declined',
  NEEDS_ACTION: 'needs action',
};

/**
 * An attendance: the RSVP (`status`) and whether the person came (`attended`) are separate facts,
 * each left out while unknown. An RSVP is never taken for attendance.
 */
export function attendance(base: string, r: OsdiAttendanceRow) {
  return {
    ...common(r.id, r.created_at, r.modified_at),
    action_date: r.created_at.toISOString(),
    ...(r.rsvp !== null && RSVP[r.rsvp] && { status: RSVP[r.rsvp] }),
    ...(r.attended !== null && { attended: r.attended }),
    _links: {
      self: { href: `${base}/events/${r.event_id}/attendances/${r.id}` },
      'osdi:event': { href: `${base}/events/${r.event_id}` },
      'osdi:person': { href: `${base}/people/${r.member_id}` },
    },
  };
}

/** A tag, dated by the members carrying it (its first carrier's creation, its carriers' last change). */
export function tag(base: string, r: OsdiTagRow) {
  const id = tagId(r.local_id, r.name);
  const self = `${base}/tags/${id}`;
  return {
    ...common(id, r.created_at, r.modified_at),
    name: r.name,
    _links: { self: { href: self }, 'osdi:taggings': { href: `${self}/taggings` } },
  };
}

/** A tagging: always of a person, dated by the member's row. */
export function tagging(base: string, r: OsdiTaggingRow) {
  const tid = tagId(r.local_id, r.tag);
  const id = taggingId(tid, r.member_id);
  return {
    ...common(id, r.created_at, r.modified_at),
    item_type: 'osdi:person',
    _links: {
      self: { href: `${base}/tags/${tid}/taggings/${id}` },
      'osdi:tag': { href: `${base}/tags/${tid}` },
      'osdi:person': { href: `${base}/people/${r.member_id}` },
    },
  };
}

/**
 * What a helper answers a token without OSDI_READ: the record's id and its links (to itself and,
 * for a signature or attendance, to its petition or event and person), none of its contents.
 */
export function writerView(doc: { identifiers: string[]; _links: Record<string, Link> }) {
  const { self, ...links } = doc._links;
  const kept = Object.fromEntries(
    Object.entries(links).filter(([rel]) => ['osdi:petition', 'osdi:event', 'osdi:person'].includes(rel)),
  );
  return { identifiers: doc.identifiers, _links: { self, ...kept } };
}

export { CURIES };
