/**
 * npm run seed [-- --seed 1 --members 100000]
 *
 * A deterministic generator of realistic data (the same --seed gives the same data), written in
 * bulk through the real schema, for `npm run bench`. It replaces any earlier seed, and touches
 * nothing else in the database. By default:
 * - "Bench Large": 100,000 members across 300 workplaces with units, 300,000 one-on-ones with
 *   encrypted notes, 200 petitions with 60,000 signatures, and 50 campaigns;
 * - "Bench Small": 1,000 members, with the same proportions;
 * - "Bench Growth 10k": 10,000 members, for the benchmark's growth table.
 * Sign in as organizer@bench.juntos.local, steward@… or board@… with BENCH_PASSWORD below.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ensureAppLoginRole, runMigrations } from '@juntos/db';
import { MIGRATIONS } from '../migrations';
import { FieldCipher, oneOnOneNotesAad, retiredKeys } from '@juntos/crypto';
import { hashPassword } from '@juntos/auth';
import { loadDevSecrets } from '../apps/api/src/config/dev-secrets';
import { ownerDatabaseUrl } from './database-url';
import { NAMES } from './names';

export const BENCH_PASSWORD = 'bench passphrase for juntos';
export const BENCH_EMAIL_DOMAIN = 'bench.juntos.local';
export const BENCH_LOCALS = { large: 'Bench Large', small: 'Bench Small', growth: 'Bench Growth 10k' };
export const BENCH_API_ROLE = 'juntos_api';

/** mulberry32: a small, fast, seedable PRNG, so a seed always makes the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const LANGS = Object.keys(NAMES);
const STATUSES = ['MEMBER', 'MEMBER', 'MEMBER', 'PROSPECT', 'PROSPECT', 'NON_MEMBER', 'FORMER'];
const TAGS = [
  'leader',
  'night shift',
  'kyr trained',
  'rapid response',
  'tenant council',
  'bargaining',
  'safety',
  'spanish speaker',
];
const ISSUES = [
  'scheduling',
  'raid fears',
  'wage theft',
  'heat',
  'repairs',
  'rent increase',
  'harassment',
  'safety',
  'staffing',
  'healthcare',
];
const NOTES = [
  'Worried about immigration agents at the loading dock; wants the know-your-rights card in Spanish.',
  'Supports the petition, will bring two coworkers from the night crew.',
  'Landlord has not fixed the heat since October; ready to join the tenant council.',
  'Undecided. Afraid of retaliation from the new supervisor.',
  'Signed up for the rapid-response phone tree.',
];
const CHANNELS = ['IN_PERSON', 'IN_PERSON', 'PHONE', 'TEXT', 'VIDEO'];
const UNIT_SETS = [
  ['Day shift', 'Night shift'],
  ['Kitchen', 'Housekeeping', 'Laundry'],
  ['Line 1', 'Line 2', 'Line 3', 'Warehouse'],
  ['1A', '1B', '2A', '2B'],
];
const STAGES = [
  'DRAFTING',
  'BUILDING_SUPPORT',
  'INTRODUCED',
  'VOTED',
  'PASSED',
  'FAILED',
  'IMPLEMENTED',
  'WITHDRAWN',
];

const ascii = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').replace(/\s+/g, '').toLowerCase();
const DAY = 86_400_000;

/**
 * Inserts rows column-wise with unnest, in chunks: one statement per chunk. A column typed
 * 'text[]' travels as an array literal ('{a,b}') and is cast on the way in.
 */
async function bulkInsert(
  c: Client,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  const chunk = 5000;
  const names = columns.map(([n]) => n).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map(([, type], i) => (type === 'text[]' ? `c${i}::text[]` : `c${i}`)).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    const arrays = columns.map((_, j) => slice.map((r) => r[j]));
    await c.query(
      `insert into ${table} (${names}) select ${select} from unnest(${params}) as t(${aliases.join(', ')})`,
      arrays,
    );
  }
}

interface Size {
  members: number;
  workplaces: number;
  oneOnOnes: number;
  petitions: number;
  signatures: number;
  campaigns: number;
}

const sizeFor = (members: number): Size => ({
  members,
  workplaces: Math.max(3, Math.round((members / 100_000) * 300)),
  oneOnOnes: members * 3,
  petitions: Math.max(4, Math.round((members / 100_000) * 200)),
  signatures: Math.round(members * 0.6),
  campaigns: Math.max(2, Math.round((members / 100_000) * 50)),
});

async function seedLocal(
  c: Client,
  rng: Rng,
  cipher: FieldCipher,
  name: string,
  size: Size,
  users: { organizer: string; steward: string; board: string; admin: string },
): Promise<{ localId: string; memberMs: number }> {
  const localId = randomUUID();
  await c.query(`select set_config('app.local_ids', $1, false)`, [`{${localId}}`]);
  await c.query(`insert into local (id, name, kind) values ($1, $2, 'UNION_LOCAL')`, [localId, name]);
  const now = Date.now();

  // Workplaces and units.
  const workplaces: { id: string; units: string[]; members: string[] }[] = [];
  const wpRows: unknown[][] = [];
  const unitRows: unknown[][] = [];
  for (let i = 0; i < size.workplaces; i++) {
    const id = randomUUID();
    const building = rng.chance(0.3);
    const units = rng.pick(UNIT_SETS).map(() => randomUUID());
    const unitNames = UNIT_SETS.find((u) => u.length === units.length)!;
    units.forEach((u, j) => unitRows.push([u, localId, id, unitNames[j]]));
    workplaces.push({ id, units, members: [] });
    const headcount = Math.round((size.members / size.workplaces) * (0.9 + rng.next() * 0.4));
    wpRows.push([
      id,
      localId,
      `${building ? 'Building' : 'Worksite'} ${String(i + 1).padStart(3, '0')}`,
      building ? 'BUILDING' : 'WORKSITE',
      building ? 'Acme Realty LLC' : 'Acme Foods Inc',
      `${100 + i} Main St`,
      headcount,
    ]);
  }
  await bulkInsert(
    c,
    'workplace',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['employer', 'text'],
      ['address', 'text'],
      ['headcount', 'int'],
    ],
    wpRows,
  );
  await bulkInsert(
    c,
    'unit',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['workplace_id', 'uuid'],
      ['name', 'text'],
    ],
    unitRows,
  );

  // Roles: the bench organizer, steward (three workplaces) and board member, and an admin.
  const assignment = async (userId: string, role: string) =>
    (
      await c.query(
        'insert into role_assignment (local_id, user_id, role) values ($1, $2, $3) returning id',
        [localId, userId, role],
      )
    ).rows[0].id;
  await assignment(users.admin, 'LOCAL_ADMIN');
  await assignment(users.organizer, 'ORGANIZER');
  await assignment(users.board, 'BOARD_MEMBER');
  const stewardAssignment = await assignment(users.steward, 'STEWARD');
  for (const w of workplaces.slice(0, 3)) {
    await c.query(
      'insert into role_assignment_workplace (role_assignment_id, workplace_id, local_id) values ($1, $2, $3)',
      [stewardAssignment, w.id, localId],
    );
  }

  // Members, with their conversations generated first so lastContactAt and the assessment agree.
  const memberStarted = Date.now();
  const memberRows: unknown[][] = [];
  const oneOnOneRows: unknown[][] = [];
  const memberIds: string[] = [];
  const memberWorkplace = new Map<string, number>();
  for (let i = 0; i < size.members; i++) {
    const id = randomUUID();
    const lang = rng.pick(LANGS);
    const first = rng.pick(NAMES[lang].first);
    const last = rng.pick(NAMES[lang].last);
    const wi = rng.int(0, workplaces.length - 1);
    const w = workplaces[wi];
    w.members.push(id);
    memberIds.push(id);
    memberWorkplace.set(id, wi);
    const conversations = Math.round((size.oneOnOnes / size.members) * rng.next() * 2);
    let lastContact: number | null = null;
    let level: number | null = null;
    let assessedAt: number | null = null;
    for (let k = 0; k < conversations; k++) {
      const at = now - rng.int(1, 365) * DAY - rng.int(0, DAY);
      const lvl = rng.chance(0.7) ? rng.int(1, 5) : null;
      if (lastContact === null || at > lastContact) lastContact = at;
      if (lvl !== null && (assessedAt === null || at >= assessedAt)) {
        level = lvl;
        assessedAt = at;
      }
      const followUp = rng.chance(0.3) ? new Date(at + rng.int(1, 30) * DAY) : null;
      const conversationId = randomUUID();
      oneOnOneRows.push([
        conversationId,
        localId,
        id,
        rng.chance(0.5) ? users.steward : users.organizer,
        new Date(at),
        rng.pick(CHANNELS),
        lvl,
        `{${[...new Set([rng.pick(ISSUES), rng.pick(ISSUES)])].map((x) => `"${x}"`).join(',')}}`,
        rng.chance(0.8) ? cipher.encrypt(rng.pick(NOTES), oneOnOneNotesAad(localId, conversationId)) : null,
        rng.chance(0.5) ? 'Follow up after the shift meeting' : null,
        followUp,
        followUp && followUp.getTime() < now && rng.chance(0.6) ? new Date(followUp.getTime() + DAY) : null,
      ]);
    }
    memberRows.push([
      id,
      localId,
      w.id,
      rng.pick(w.units),
      first,
      last,
      `${ascii(first)}.${ascii(last)}.${i}@example.org`,
      `+1718${String(2_000_000 + i).padStart(7, '0')}`,
      lang,
      rng.pick(STATUSES),
      level,
      lastContact ? new Date(lastContact) : null,
      assessedAt ? new Date(assessedAt) : null,
      rng.chance(0.4) ? `{"${rng.pick(TAGS)}"}` : '{}',
    ]);
  }
  await bulkInsert(
    c,
    'member',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['workplace_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['email', 'text'],
      ['phone', 'text'],
      ['preferred_language', 'text'],
      ['status', 'text'],
      ['support_level', 'smallint'],
      ['last_contact_at', 'timestamptz'],
      ['assessed_at', 'timestamptz'],
      ['tags', 'text[]'],
    ],
    memberRows,
  );
  const memberMs = Date.now() - memberStarted;
  await bulkInsert(
    c,
    'one_on_one',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['member_id', 'uuid'],
      ['steward_id', 'uuid'],
      ['occurred_at', 'timestamptz'],
      ['channel', 'text'],
      ['support_level', 'smallint'],
      ['issues', 'text[]'],
      ['notes', 'text'],
      ['next_step', 'text'],
      ['follow_up_at', 'timestamptz'],
      ['follow_up_done_at', 'timestamptz'],
    ],
    oneOnOneRows,
  );

  // Petitions (most open), and signatures from each petition's own workplace.
  const petitionRows: unknown[][] = [];
  const open: { id: string; workplace: number | null }[] = [];
  for (let i = 0; i < size.petitions; i++) {
    const id = randomUUID();
    const wi = i % 4 === 3 ? null : rng.int(0, workplaces.length - 1);
    const status = rng.pick(['OPEN', 'OPEN', 'OPEN', 'DELIVERED', 'DRAFT', 'WON']);
    const goal =
      wi === null ? Math.round(size.members / 2) : Math.floor(workplaces[wi].members.length / 2) + 1;
    petitionRows.push([
      id,
      localId,
      wi === null ? null : workplaces[wi].id,
      `Petition ${i + 1}: no raids without a judicial warrant`,
      'Keep immigration agents out of non-public areas.',
      'Management',
      Math.max(1, goal),
      status,
      status === 'DRAFT' ? null : new Date(now - 20 * DAY),
    ]);
    if (status === 'OPEN' || status === 'DELIVERED') open.push({ id, workplace: wi });
  }
  await bulkInsert(
    c,
    'petition',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['workplace_id', 'uuid'],
      ['title', 'text'],
      ['demand', 'text'],
      ['target', 'text'],
      ['goal', 'int'],
      ['status', 'text'],
      ['opened_at', 'timestamptz'],
    ],
    petitionRows,
  );
  const signatureRows: unknown[][] = [];
  const signed = new Set<string>();
  for (let tries = 0; signatureRows.length < size.signatures && tries < size.signatures * 3; tries++) {
    const p = rng.pick(open);
    const pool = p.workplace === null ? memberIds : workplaces[p.workplace].members;
    if (!pool.length) continue;
    const m = rng.pick(pool);
    const key = `${p.id}:${m}`;
    if (signed.has(key)) continue;
    signed.add(key);
    signatureRows.push([
      randomUUID(),
      localId,
      p.id,
      m,
      rng.chance(0.5) ? users.steward : users.organizer,
      rng.pick(['PAPER', 'DIGITAL', 'VERBAL']),
      new Date(now - rng.int(0, 20) * DAY),
    ]);
  }
  await bulkInsert(
    c,
    'signature',
    [
      ['id', 'uuid'],
      ['local_id', 'uuid'],
      ['petition_id', 'uuid'],
      ['member_id', 'uuid'],
      ['collected_by', 'uuid'],
      ['method', 'text'],
      ['signed_at', 'timestamptz'],
    ],
    signatureRows,
  );

  // Campaigns, with milestones and linked petitions.
  for (let i = 0; i < size.campaigns; i++) {
    const id = randomUUID();
    const stage = rng.pick(STAGES);
    const voted = ['VOTED', 'PASSED', 'FAILED', 'IMPLEMENTED'].includes(stage);
    await c.query(
      `insert into campaign (id, local_id, title, resolution_text, decision_body, stage, votes_for, votes_against, abstentions, vote_held_at)
       values ($1, $2, $3, 'Resolved: the contract shall bar immigration raids at the workplace.', $4, $5, $6, $7, $8, $9)`,
      [
        id,
        localId,
        `Resolution ${i + 1}`,
        rng.pick(['EXECUTIVE_BOARD', 'GENERAL_MEMBERSHIP', 'DELEGATE_COUNCIL', 'TENANT_ASSEMBLY']),
        stage,
        voted ? (stage === 'FAILED' ? 3 : 9) : null,
        voted ? (stage === 'FAILED' ? 8 : 2) : null,
        voted ? 1 : null,
        voted ? new Date(now - 5 * DAY) : null,
      ],
    );
    await c.query(
      `insert into campaign_stage_change (local_id, campaign_id, from_stage, to_stage, changed_by) values ($1, $2, null, 'DRAFTING', $3)`,
      [localId, id, users.organizer],
    );
    for (let k = 0; k < 3; k++) {
      await c.query(`insert into milestone (local_id, campaign_id, title, done_at) values ($1, $2, $3, $4)`, [
        localId,
        id,
        `Milestone ${k + 1}`,
        rng.chance(0.5) ? new Date() : null,
      ]);
    }
    for (const p of [rng.pick(petitionRows), rng.pick(petitionRows)]) {
      await c.query(
        'insert into campaign_petition (campaign_id, petition_id, local_id) values ($1, $2, $3) on conflict do nothing',
        [id, p[0], localId],
      );
    }
  }
  await c.query(`select set_config('app.local_ids', '', false)`);
  return { localId, memberMs };
}

async function main(): Promise<void> {
  const arg = (n: string) => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg('seed') ?? 1);
  const large = Number(arg('members') ?? 100_000);
  const started = Date.now();
  const { url, embedded } = await ownerDatabaseUrl();
  try {
    await runMigrations(url, MIGRATIONS);
    const dataDir = process.env.DATA_DIR || './.data';
    if (embedded || !process.env.DATABASE_URL)
      await ensureAppLoginRole(url, BENCH_API_ROLE, loadDevSecrets(dataDir).EMBEDDED_APP_PASSWORD);
    const key = process.env.NOTES_ENCRYPTION_KEY || loadDevSecrets(dataDir).NOTES_ENCRYPTION_KEY;
    const cipher = new FieldCipher(key, retiredKeys(process.env.NOTES_ENCRYPTION_KEYS_OLD));
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      // Replace an earlier seed: its locals (everything in them cascades) and its users.
      await c.query(`delete from local where name = any($1)`, [Object.values(BENCH_LOCALS)]);
      await c.query(`delete from app_user where email like $1`, [`%@${BENCH_EMAIL_DOMAIN}`]);
      const hash = await hashPassword(BENCH_PASSWORD);
      const user = async (name: string) =>
        (
          await c.query(
            `insert into app_user (email, display_name, password_hash) values ($1, $2, $3) returning id`,
            [`${name}@${BENCH_EMAIL_DOMAIN}`, `Bench ${name}`, hash],
          )
        ).rows[0].id as string;
      const users = {
        organizer: await user('organizer'),
        steward: await user('steward'),
        board: await user('board'),
        admin: await user('admin'),
      };
      const rng = prng(seed);
      const report: string[] = [];
      for (const [name, members] of [
        [BENCH_LOCALS.large, large],
        [BENCH_LOCALS.small, 1000],
        [BENCH_LOCALS.growth, 10_000],
      ] as const) {
        const t0 = Date.now();
        const { memberMs } = await seedLocal(c, rng, cipher, name, sizeFor(members), users);
        report.push(
          `${name}: ${members.toLocaleString('en')} members in ${(memberMs / 1000).toFixed(1)} s; the whole local in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      // Fresh statistics, and the visibility map that lets counts use index-only scans.
      await c.query('vacuum analyze');
      console.log(report.join('\n'));
      console.log(
        `seed ${seed}: done in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as organizer@${BENCH_EMAIL_DOMAIN} with "${BENCH_PASSWORD}".`,
      );
    } finally {
      await c.end();
    }
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`seed: ${e.message}`);
    process.exit(1);
  });
}
