import { SignatureEntity } from '@juntos/db';
import { AttendanceEntity } from '../events/event.entity';
import { osdiRsvp } from './osdi-helper-input';

/** A signature as the Record Signature Helper answers it: when, and links to its petition and person. */
export function signatureDocument(base: string, s: SignatureEntity) {
  return {
    identifiers: [`juntos:${s.id}`],
    created_date: s.createdAt.toISOString(),
    modified_date: s.createdAt.toISOString(),
    action_date: s.signedAt.toISOString(),
    _links: {
      self: { href: `${base}/petitions/${s.petitionId}/signatures/${s.id}` },
      'osdi:petition': { href: `${base}/petitions/${s.petitionId}` },
      'osdi:person': { href: `${base}/people/${s.memberId}` },
    },
  };
}

/** An attendance as the Record Attendance Helper answers it: the RSVP and, apart, whether they came. */
export function attendanceDocument(base: string, a: AttendanceEntity) {
  return {
    identifiers: [`juntos:${a.id}`],
    created_date: a.createdAt.toISOString(),
    modified_date: a.updatedAt.toISOString(),
    ...(a.rsvp && { status: osdiRsvp(a.rsvp) }),
    ...(a.attended !== null && { attended: a.attended }),
    _links: {
      self: { href: `${base}/events/${a.eventId}/attendances/${a.id}` },
      'osdi:event': { href: `${base}/events/${a.eventId}` },
      'osdi:person': { href: `${base}/people/${a.memberId}` },
    },
  };
}
