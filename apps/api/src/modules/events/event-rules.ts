import { badInput } from '@juntos/common';

/** Whether `zone` is an IANA time zone this runtime knows (e.g. America/Los_Angeles, UTC). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone, or BAD_USER_INPUT naming the field. */
export function checkTimeZone(zone: string): string {
  if (!isTimeZone(zone))
    throw badInput('timezone must be an IANA time zone, e.g. America/Los_Angeles.', 'timezone');
  return zone;
}

/** An end, when given, comes after the start. */
export function checkWindow(startsAt: Date, endsAt: Date | null): void {
  if (endsAt && endsAt.getTime() <= startsAt.getTime())
    throw badInput('endsAt must be after startsAt.', 'endsAt');
}

/** A capacity is a soft limit: the event is full once accepted RSVPs reach it. */
export const isFull = (capacity: number | null, rsvpCount: number): boolean =>
  capacity !== null && rsvpCount >= capacity;
