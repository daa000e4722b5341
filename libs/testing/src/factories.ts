import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { LocalKind, Role, WorkplaceKind } from '@juntos/common';
import { hashPassword } from '@juntos/auth';

export const TEST_PASSWORD = 'a long test passphrase for the union hall';
// Hashed once per worker: argon2 is deliberately slow.
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const suffix = () => randomBytes(4).toString('hex');

export async function makeLocal(
  db: Pool,
  name = `Local ${suffix()}`,
  kind = LocalKind.UNION_LOCAL,
): Promise<string> {
  const { rows } = await db.query('insert into local (name, kind) values ($1, $2) returning id', [
    name,
    kind,
  ]);
  return rows[0].id;
}

export async function makeUser(
  db: Pool,
  opts: { email?: string; platformAdmin?: boolean; displayName?: string } = {},
): Promise<{ id: string; email: string }> {
  const email = (opts.email ?? `user-${suffix()}@example.org`).toLowerCase();
  const { rows } = await db.query(
    'insert into app_user (email, display_name, password_hash, is_platform_admin) values ($1, $2, $3, $4) returning id',
    [email, opts.displayName ?? 'Test User', await hashed(), opts.platformAdmin ?? false],
  );
  return { id: rows[0].id, email };
}

/** A live session of the user, as a sign-in makes one (without its refresh token). */
export async function makeSession(
  db: Pool,
  userId: string,
  userAgent: string | null = null,
): Promise<string> {
  const { rows } = await db.query(
    `insert into session (user_id, user_agent, expires_at) values ($1, $2, now() + interval '30 days') returning id`,
    [userId, userAgent],
  );
  return rows[0].id;
}

export async function makeWorkplace(
  db: Pool,
  localId: string,
  opts: { name?: string; kind?: WorkplaceKind; headcount?: number } = {},
): Promise<string> {
  const { rows } = await db.query(
    'insert into workplace (local_id, name, kind, headcount) values ($1, $2, $3, $4) returning id',
    [
      localId,
      opts.name ?? `Workplace ${suffix()}`,
      opts.kind ?? WorkplaceKind.WORKSITE,
      opts.headcount ?? null,
    ],
  );
  return rows[0].id;
}

/** A unit (a department, shift or home) of a workplace. */
export async function makeUnit(
  db: Pool,
  localId: string,
  workplaceId: string,
  name = `Unit ${suffix()}`,
): Promise<string> {
  const { rows } = await db.query(
    'insert into unit (local_id, workplace_id, name) values ($1, $2, $3) returning id',
    [localId, workplaceId, name],
  );
  return rows[0].id;
}

export async function grant(
  db: Pool,
  localId: string,
  userId: string,
  role: Role,
  workplaceIds: string[] = [],
): Promise<string> {
  const { rows } = await db.query(
    'insert into role_assignment (local_id, user_id, role) values ($1, $2, $3) returning id',
    [localId, userId, role],
  );
  for (const w of workplaceIds) {
    await db.query(
      'insert into role_assignment_workplace (role_assignment_id, workplace_id, local_id) values ($1, $2, $3)',
      [rows[0].id, w, localId],
    );
  }
  return rows[0].id;
}

export async function makeMember(
  db: Pool,
  localId: string,
  opts: {
    workplaceId?: string | null;
    /** A unit of the member's workplace. */
    unitId?: string | null;
    firstName?: string;
    lastName?: string;
    email?: string | null;
    archived?: boolean;
    /** E.164, as the API stores it. */
    phone?: string | null;
    preferredLanguage?: string | null;
    alertOptIn?: boolean;
  } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into member (local_id, workplace_id, first_name, last_name, email, archived_at, phone, preferred_language, alert_opt_in, unit_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      localId,
      opts.workplaceId ?? null,
      opts.firstName ?? 'Test',
      opts.lastName ?? `Member ${suffix()}`,
      opts.email ?? null,
      opts.archived ? new Date() : null,
      opts.phone ?? null,
      opts.preferredLanguage ?? null,
      opts.alertOptIn ?? false,
      opts.unitId ?? null,
    ],
  );
  return rows[0].id;
}

/** A conversation written directly (notes left empty: stored notes must be ciphertext). */
export async function makeOneOnOne(
  db: Pool,
  localId: string,
  memberId: string,
  stewardId: string,
  opts: {
    occurredAt?: Date;
    followUpAt?: Date | null;
    supportLevel?: number | null;
    /** Lowercase, as the API stores them. */
    issues?: string[];
  } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into one_on_one (local_id, member_id, steward_id, occurred_at, channel, support_level, follow_up_at, issues)
     values ($1, $2, $3, $4, 'IN_PERSON', $5, $6, $7) returning id`,
    [
      localId,
      memberId,
      stewardId,
      opts.occurredAt ?? new Date(),
      opts.supportLevel ?? null,
      opts.followUpAt === undefined ? new Date() : opts.followUpAt,
      opts.issues ?? [],
    ],
  );
  return rows[0].id;
}

export async function makePetition(
  db: Pool,
  localId: string,
  opts: { workplaceId?: string | null; status?: string; goal?: number; title?: string } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into petition (local_id, workplace_id, title, demand, target, goal, status, opened_at)
     values ($1, $2, $3, 'Keep immigration agents out of non-public areas without a judicial warrant', 'The employer', $4, $5,
             case when $5 <> 'DRAFT' then now() end) returning id`,
    [
      localId,
      opts.workplaceId ?? null,
      opts.title ?? 'No ICE on the shop floor',
      opts.goal ?? 10,
      opts.status ?? 'DRAFT',
    ],
  );
  return rows[0].id;
}

export async function makeSignature(
  db: Pool,
  localId: string,
  petitionId: string,
  memberId: string,
  collectedBy: string,
): Promise<string> {
  const { rows } = await db.query(
    `insert into signature (local_id, petition_id, member_id, collected_by, method) values ($1, $2, $3, $4, 'PAPER') returning id`,
    [localId, petitionId, memberId, collectedBy],
  );
  return rows[0].id;
}

export async function makeEvent(
  db: Pool,
  localId: string,
  opts: {
    workplaceId?: string | null;
    kind?: string;
    startsAt?: Date;
    status?: string;
    capacity?: number | null;
    title?: string;
  } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into event (local_id, workplace_id, kind, title, starts_at, status, capacity, location)
     values ($1, $2, $3, $4, $5, $6, $7, 'Union hall') returning id`,
    [
      localId,
      opts.workplaceId ?? null,
      opts.kind ?? 'KYR_TRAINING',
      opts.title ?? 'Know your rights',
      opts.startsAt ?? new Date(Date.now() - 3600_000),
      opts.status ?? 'SCHEDULED',
      opts.capacity ?? null,
    ],
  );
  return rows[0].id;
}

/** One member's row for an event: an RSVP, attendance, or both. */
export async function makeAttendance(
  db: Pool,
  localId: string,
  eventId: string,
  memberId: string,
  recordedBy: string,
  opts: { rsvp?: string | null; attended?: boolean | null } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into attendance (local_id, event_id, member_id, recorded_by, rsvp, attended)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      localId,
      eventId,
      memberId,
      recordedBy,
      opts.rsvp === undefined ? 'ACCEPTED' : opts.rsvp,
      opts.attended ?? null,
    ],
  );
  return rows[0].id;
}

export async function makeCampaign(
  db: Pool,
  localId: string,
  opts: { stage?: string; title?: string } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into campaign (local_id, title, resolution_text, decision_body, stage)
     values ($1, $2, 'Resolved: the employer shall bar immigration raids from non-public areas.', 'EXECUTIVE_BOARD', $3) returning id`,
    [localId, opts.title ?? 'No raids at work', opts.stage ?? 'DRAFTING'],
  );
  return rows[0].id;
}

export async function makeMilestone(
  db: Pool,
  localId: string,
  campaignId: string,
  title = 'Collect 100 signatures',
): Promise<string> {
  const { rows } = await db.query(
    `insert into milestone (local_id, campaign_id, title) values ($1, $2, $3) returning id`,
    [localId, campaignId, title],
  );
  return rows[0].id;
}

export async function makeCommittee(
  db: Pool,
  localId: string,
  opts: { workplaceId?: string | null; kind?: string; name?: string; archived?: boolean } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into committee (local_id, workplace_id, kind, name, archived_at)
     values ($1, $2, $3, $4, case when $5 then now() end) returning id`,
    [
      localId,
      opts.workplaceId ?? null,
      opts.kind ?? 'ORGANIZING_COMMITTEE',
      opts.name ?? `Committee ${randomBytes(4).toString('hex')}`,
      opts.archived ?? false,
    ],
  );
  return rows[0].id;
}

/** A member's seat on a committee. */
export async function makeCommitteeMembership(
  db: Pool,
  localId: string,
  committeeId: string,
  memberId: string,
  opts: { role?: string; unitId?: string | null } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into committee_membership (local_id, committee_id, member_id, role, unit_id)
     values ($1, $2, $3, $4, $5) returning id`,
    [localId, committeeId, memberId, opts.role ?? 'CAPTAIN', opts.unitId ?? null],
  );
  return rows[0].id;
}

/** A member as one seat's contact. */
export async function makeCommitteeContact(
  db: Pool,
  localId: string,
  membershipId: string,
  memberId: string,
): Promise<string> {
  const { rows } = await db.query(
    `insert into committee_contact (local_id, committee_id, membership_id, member_id)
     select $1, committee_id, id, $3 from committee_membership where id = $2 returning id`,
    [localId, membershipId, memberId],
  );
  return rows[0].id;
}

/**
 * A rapid-response incident. Its details stay null: stored details are ciphertext bound to the
 * row, which only the API writes (report one through the API to test them).
 */
export async function makeIncident(
  db: Pool,
  localId: string,
  opts: {
    workplaceId?: string | null;
    kind?: string;
    status?: string;
    location?: string | null;
    expiresAt?: Date;
  } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into incident (local_id, workplace_id, kind, status, location, details, reported_at, expires_at)
     values ($1, $2, $3, $4, $5, null, now(), coalesce($6, now() + interval '72 hours')) returning id`,
    [
      localId,
      opts.workplaceId ?? null,
      opts.kind ?? 'WORKPLACE_RAID',
      opts.status ?? 'REPORTED',
      opts.location === undefined ? 'North gate' : opts.location,
      opts.expiresAt ?? null,
    ],
  );
  return rows[0].id;
}

/** An alert about an incident, proposed by `proposedBy` (a user id). */
export async function makeAlert(
  db: Pool,
  localId: string,
  incidentId: string,
  proposedBy: string,
  opts: { status?: string; audience?: string; message?: string } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into alert (local_id, incident_id, audience, message, status, proposed_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      localId,
      incidentId,
      opts.audience ?? 'RESPONDERS',
      opts.message ?? 'Agents at the north gate: stay inside, do not open the door.',
      opts.status ?? 'PROPOSED',
      proposedBy,
    ],
  );
  return rows[0].id;
}

/** A member on the responder roster, covering `workplaceIds`. */
export async function makeResponder(
  db: Pool,
  localId: string,
  memberId: string,
  opts: { workplaceIds?: string[]; available?: boolean; skills?: string[] } = {},
): Promise<string> {
  const { rows } = await db.query(
    `insert into responder (local_id, member_id, skills, available) values ($1, $2, $3, $4) returning id`,
    [localId, memberId, opts.skills ?? ['VERIFIER'], opts.available ?? true],
  );
  const id: string = rows[0].id;
  for (const workplaceId of opts.workplaceIds ?? [])
    await db.query(
      'insert into responder_workplace (responder_id, workplace_id, local_id) values ($1, $2, $3)',
      [id, workplaceId, localId],
    );
  return id;
}
