import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@juntos/auth';

/** The demo's accounts: one per role a first visitor would want to try. */
export const DEMO_ACCOUNTS = [
  { email: 'delegada@demo.juntos.local', name: 'Rosa (delegada)', role: 'STEWARD' },
  { email: 'organizadora@demo.juntos.local', name: 'Lupe (organizadora)', role: 'ORGANIZER' },
  { email: 'mesa@demo.juntos.local', name: 'Beto (mesa directiva)', role: 'BOARD_MEMBER' },
] as const;

export const DEMO_LOCAL_NAME = 'Local 11 (demo)';

const MEMBERS: [first: string, last: string, unit: number, level: number | null, daysAgo: number | null][] = [
  ['Ana', 'López', 0, 3, 10],
  ['José', 'Núñez', 1, null, null],
  ['Bea', 'Ramos', 0, 1, 3],
  ['Carlos', 'Mendoza', 2, 2, 45],
  ['Daniela', 'Cruz', 1, 4, 60],
  ['Ernesto', 'Ruiz', 2, null, null],
  ['Fátima', 'Hernández', 0, 2, 20],
  ['Gloria', 'Reyes', 1, 3, 35],
  ['Héctor', 'Castillo', 2, 5, 90],
  ['Irma', 'Flores', 0, null, null],
  ['Jorge', 'Vargas', 1, 2, 5],
  ['Karla', 'Morales', 2, 1, 8],
];

const DAY = 86_400_000;

/**
 * Development only, on a database with no local yet: a small demo local, so the first person to run
 * `npm start` can sign in as a steward and try the web app at once. Written as the owner, in one
 * transaction. Names and phone numbers are made up (555 numbers). Answers the accounts' password,
 * or null when there already is a local.
 */
export async function seedDemoLocal(ownerUrl: string): Promise<string | null> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query('begin');
    // Two starts at once: one seeds, the other waits and then finds the local.
    await db.query(`select pg_advisory_xact_lock(hashtext('juntos-demo-local'))`);
    if ((await db.query('select 1 from local limit 1')).rowCount) {
      await db.query('rollback');
      return null;
    }
    const password = randomBytes(12).toString('base64url');
    const hash = await hashPassword(password);
    const one = async (sql: string, params: unknown[]): Promise<string> =>
      (await db.query<{ id: string }>(`${sql} returning id`, params)).rows[0].id;

    const local = await one(`insert into local (name, kind) values ($1, 'UNION_LOCAL')`, [DEMO_LOCAL_NAME]);
    const hotel = await one(
      `insert into workplace (local_id, name, kind, employer, headcount) values ($1, 'Hotel Bonaventure', 'WORKSITE', 'Bonaventure Hospitality LLC', 24)`,
      [local],
    );
    const other = await one(
      `insert into workplace (local_id, name, kind, employer, headcount) values ($1, 'Hotel Figueroa', 'WORKSITE', 'Figueroa Partners', 30)`,
      [local],
    );
    const units: string[] = [];
    for (const name of ['Cocina', 'Limpieza', 'Lavandería'])
      units.push(
        await one(`insert into unit (local_id, workplace_id, name) values ($1, $2, $3)`, [
          local,
          hotel,
          name,
        ]),
      );

    const users: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      const user = await one(
        `insert into app_user (email, display_name, password_hash) values ($1, $2, $3)`,
        [a.email, a.name, hash],
      );
      const role = await one(`insert into role_assignment (local_id, user_id, role) values ($1, $2, $3)`, [
        local,
        user,
        a.role,
      ]);
      if (a.role === 'STEWARD')
        await db.query(
          'insert into role_assignment_workplace (role_assignment_id, workplace_id, local_id) values ($1, $2, $3)',
          [role, hotel, local],
        );
      users[a.role] = user;
    }

    const members: string[] = [];
    const issues = [['salarios'], ['horarios', 'salarios'], ['seguridad'], ['calor', 'seguridad']];
    let talks = 0;
    for (const [i, [first, last, unit, level, days]] of MEMBERS.entries()) {
      const member = await one(
        `insert into member (local_id, workplace_id, unit_id, first_name, last_name, phone, status, support_level, last_contact_at)
         values ($1, $2, $3, $4, $5, $6, 'MEMBER', $7, $8)`,
        [
          local,
          hotel,
          units[unit],
          first,
          last,
          `+1213555${String(100 + i).padStart(4, '0')}`,
          level,
          days === null ? null : new Date(Date.now() - days * DAY),
        ],
      );
      members.push(member);
      if (days !== null)
        await db.query(
          `insert into one_on_one (local_id, member_id, steward_id, occurred_at, channel, support_level, issues, next_step, follow_up_at)
           values ($1, $2, $3, $4, 'IN_PERSON', $5, $6, $7, $8)`,
          [
            local,
            member,
            users.STEWARD,
            new Date(Date.now() - days * DAY),
            level,
            issues[talks++ % issues.length],
            i < 3 ? 'Invitar a la junta del jueves' : null,
            // Two follow-ups: one overdue, one coming.
            i === 0 ? new Date(Date.now() - DAY) : i === 2 ? new Date(Date.now() + 2 * DAY) : null,
          ],
        );
    }
    // Someone at the other hotel: the steward, assigned to the Bonaventure only, never sees them.
    await db.query(
      `insert into member (local_id, workplace_id, first_name, last_name, status) values ($1, $2, 'Marta', 'Solís', 'MEMBER')`,
      [local, other],
    );

    const petition = await one(
      `insert into petition (local_id, workplace_id, title, demand, target, goal, status, opened_at)
       values ($1, $2, 'Sin ICE en la cocina', 'Que la gerencia no deje entrar a agentes de inmigración a las áreas privadas sin una orden judicial.', 'La gerencia del hotel', 13, 'OPEN', now())`,
      [local, hotel],
    );
    for (const member of members.slice(2, 6))
      await db.query(
        `insert into signature (local_id, petition_id, member_id, collected_by, method) values ($1, $2, $3, $4, 'PAPER')`,
        [local, petition, member, users.STEWARD],
      );
    await db.query('commit');
    return password;
  } catch (e) {
    await db.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await db.end();
  }
}
