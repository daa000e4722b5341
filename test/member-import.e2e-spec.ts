import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Role } from '@juntos/common';
import { grant, makeLocal, useWorld } from '@juntos/test-support';
import { IMPORT_ANALYZE_ROWS } from '../apps/api/src/modules/members/members.service';
import { FIXTURE_WORKPLACES, fixtureRows, toCsv } from './fixtures/make-members-csv';

const IMPORT = `mutation($l: ID!, $csv: String!) {
  importMembers(localId: $l, csv: $csv) { created updated skipped errors { row message } }
}`;
type Result = {
  importMembers: {
    created: number;
    updated: number;
    skipped: number;
    errors: { row: number; message: string }[];
  };
};

describe('an organizer moves a spreadsheet in', () => {
  const ctx = useWorld();
  let localId: string;
  const org = () => ctx.w.own.users.ORGANIZER.token;

  beforeAll(async () => {
    const { t, w } = ctx;
    localId = await makeLocal(t.db, 'Hotel and Bakery Workers');
    await grant(t.db, localId, w.own.users.ORGANIZER.id, Role.ORGANIZER);
    await grant(t.db, localId, w.own.users.LOCAL_ADMIN.id, Role.LOCAL_ADMIN);
    for (const wp of FIXTURE_WORKPLACES) {
      const res = await t.gql(
        org(),
        'mutation($input: WorkplaceInput!) { createWorkplace(input: $input) { id } }',
        {
          input: { localId, name: wp.name, kind: wp.kind, units: wp.units },
        },
      );
      expect(res.errors).toBeUndefined();
    }
  });

  it('imports 2,000 rows, reports the bad ones, then takes the fixed file without duplicates', async () => {
    const { t } = ctx;
    const csv = readFileSync(join(__dirname, 'fixtures', 'members-2000.csv'), 'utf8');
    expect(csv).toBe(toCsv(fixtureRows())); // the committed fixture is the generator's output

    const first = await t.gql<Result>(org(), IMPORT, { l: localId, csv });
    expect(first.errors).toBeUndefined();
    const result = first.data!.importMembers;
    expect(result.skipped).toBe(10);
    expect(result.created + result.updated).toBe(1990);
    // Every 200th row has one mistake; each is reported by its data row number and field.
    expect(result.errors.map((e) => e.row)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
    const byRow = Object.fromEntries(result.errors.map((e) => [e.row, e.message]));
    expect(byRow[200]).toMatch(/^email: /);
    expect(byRow[400]).toBe('workplace: no workplace named "Nowhere Inc" in this local');
    expect(byRow[600]).toMatch(/^phone: /);
    expect(byRow[800]).toMatch(/^preferredLanguage: /);
    expect(byRow[1000]).toMatch(/^lastName: /);
    const stored = (await t.db.query('select count(*)::int as n from member where local_id = $1', [localId]))
      .rows[0].n;
    expect(stored).toBe(result.created);

    // The organizer fixes the ten rows and imports the whole file again.
    const fixed = fixtureRows().map((row, i) => {
      if ((i + 1) % 200 !== 0) return row;
      const good = [...row];
      good[1] ||= 'Corrected';
      if (good[2] === 'not-an-email') good[2] = `fixed.${i + 1}@example.org`;
      if (good[3] === '12') good[3] = `(718) 299-${String(i + 1).padStart(4, '0')}`;
      if (good[4] === 'Nowhere Inc') good[4] = 'Harbor Hotel';
      good[5] = FIXTURE_WORKPLACES.find((w) => w.name === good[4])!.units[0];
      if (good[7] === 'espanol please') good[7] = 'es';
      return good;
    });
    const second = await t.gql<Result>(org(), IMPORT, { l: localId, csv: toCsv(fixed) });
    expect(second.data!.importMembers).toEqual({ created: 10, updated: 1990, skipped: 0, errors: [] });
    const after = (await t.db.query('select count(*)::int as n from member where local_id = $1', [localId]))
      .rows[0].n;
    expect(after).toBe(stored + 10);

    // Re-importing the same file changes nothing and creates nobody.
    const third = await t.gql<Result>(org(), IMPORT, { l: localId, csv: toCsv(fixed) });
    expect(third.data!.importMembers).toMatchObject({ created: 0, skipped: 0 });
    expect(
      (await t.db.query('select count(*)::int as n from member where local_id = $1', [localId])).rows[0].n,
    ).toBe(after);

    // And the organizer pages through the result: every member once.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: {
        data:
          | { members: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }
          | null
          | undefined;
      } = await t.gql(
        org(),
        'query($l: ID!, $after: String) { members(localId: $l, first: 100, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }',
        {
          l: localId,
          after: cursor,
        },
      );
      res.data!.members.nodes.forEach((n) => seen.add(n.id));
      cursor = res.data!.members.pageInfo.hasNextPage ? res.data!.members.pageInfo.endCursor : null;
    } while (cursor);
    expect(seen.size).toBe(after);

    const audit = await t.db.query(
      `select detail from audit_event where local_id = $1 and action = 'member.import' order by created_at`,
      [localId],
    );
    expect(audit.rows.map((r: { detail: unknown }) => r.detail)).toEqual([
      { rows: 2000, created: result.created, updated: result.updated, skipped: 10 },
      { rows: 2000, created: 10, updated: 1990, skipped: 0 },
      { rows: 2000, created: 0, updated: 2000, skipped: 0 },
    ]);
  });

  it('maps units and statuses, and stores phones in E.164', async () => {
    const { t } = ctx;
    const { rows } = await t.db.query(
      `select m.phone, m.status, m.tags, m.preferred_language, u.name as unit
         from member m join unit u on u.id = m.unit_id where m.email = 'hung.do.1@example.org'`,
    );
    expect(rows).toEqual([
      {
        phone: '+17182000001',
        status: 'PROSPECT',
        tags: ['leader'],
        preferred_language: 'vi',
        unit: 'Kitchen',
      },
    ]);
  });

  it('refuses a file without the name columns, or over 10,000 rows', async () => {
    const { t } = ctx;
    const noNames = await t.gql(org(), IMPORT, { l: localId, csv: 'email\nx@example.org\n' });
    expect(noNames.errors?.[0]).toMatchObject({
      message: 'The CSV needs a firstName column.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await t.gql(org(), IMPORT, {
      l: localId,
      csv: 'firstName,lastName\n' + 'A,B\n'.repeat(10_001),
    });
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('exports every member who is not archived, with spreadsheet formulas neutralized, and audits it', async () => {
    const { t, w } = ctx;
    await t.db.query(
      `insert into member (local_id, first_name, last_name, email, tags) values ($1, '=HYPERLINK("http://evil")', '+Sum', '@x.org', '{"-1","ok"}')`,
      [localId],
    );
    const archived = await t.db.query(
      `update member set archived_at = now() where local_id = $1 and email = 'robert.jackson.2@example.org'`,
      [localId],
    );
    expect(archived.rowCount).toBe(1);
    const res = await t.gql<{ exportMembers: string }>(
      w.own.users.LOCAL_ADMIN.token,
      'query($l: ID!) { exportMembers(localId: $l) }',
      { l: localId },
    );
    expect(res.errors).toBeUndefined();
    const rows: string[][] = parse(res.data!.exportMembers);
    expect(rows[0]).toEqual([
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
    ]);
    const live = (
      await t.db.query('select count(*)::int as n from member where local_id = $1 and archived_at is null', [
        localId,
      ])
    ).rows[0].n;
    expect(rows.length - 1).toBe(live);
    const evil = rows.find((r) => r[0].includes('HYPERLINK'))!;
    expect(evil.slice(0, 4)).toEqual([`'=HYPERLINK("http://evil")`, "'+Sum", '', "'@x.org"]);
    expect(evil[9]).toBe("'-1;ok");
    // No one here has opted in to alerts (the fixture has no such column).
    expect(new Set(rows.slice(1).map((r) => r[13]))).toEqual(new Set(['no']));
    expect(rows.some((r) => r[3] === 'robert.jackson.2@example.org')).toBe(false);
    expect(rows.some((r) => r[3] === 'hung.do.1@example.org')).toBe(true);
    const audit = await t.db.query(
      `select detail, actor_id from audit_event where local_id = $1 and action = 'member.export'`,
      [localId],
    );
    expect(audit.rows).toEqual([{ detail: { rows: live }, actor_id: w.own.users.LOCAL_ADMIN.id }]);
  });
  it('matches a row to the older of two members who share a detail (a possible duplicate), and creates nobody', async () => {
    const { t } = ctx;
    const insert = async (first: string) =>
      (
        await t.db.query(
          `insert into member (local_id, first_name, last_name, email, created_at) values ($1, $2, 'Twin', 'twin@example.org', $3) returning id`,
          [localId, first, first === 'Older' ? new Date('2026-01-01') : new Date()],
        )
      ).rows[0].id as string;
    const older = await insert('Older');
    const newer = await insert('Newer');
    const res = await t.gql<Result>(org(), IMPORT, {
      l: localId,
      csv: 'firstName,lastName,email,tags\nOlder,Twin,twin@example.org,imported\n',
    });
    expect(res.data!.importMembers).toEqual({ created: 0, updated: 1, skipped: 0, errors: [] });
    const { rows } = await t.db.query('select id, tags from member where id = any($1) order by created_at', [
      [older, newer],
    ]);
    expect(rows).toEqual([
      { id: older, tags: ['imported'] },
      { id: newer, tags: [] },
    ]);
  });

  it('takes an alertOptIn column: sets consent where a row gives it, keeps it where the cell is blank, and reports a bad value by row', async () => {
    const { t } = ctx;
    const existing = (email: string, optIn: boolean) =>
      t.db.query(
        `insert into member (local_id, first_name, last_name, email, alert_opt_in, tags) values ($1, 'Had', 'Consent', $2, $3, '{before}')`,
        [localId, email, optIn],
      );
    await existing('keeps.optin@example.org', true);
    await existing('withdraws.optin@example.org', true);
    await existing('untouched.optin@example.org', false);
    const csv = [
      'firstName,lastName,email,Alert Opt-In,tags',
      'Opt,Yes,optin.yes@example.org,yes,',
      'Opt,Si,optin.si@example.org, Sí ,',
      'Opt,One,optin.one@example.org,1,',
      'Opt,Blank,optin.blank@example.org,,',
      'Opt,No,optin.no@example.org,NO,',
      'Had,Consent,keeps.optin@example.org,,after',
      'Had,Consent,withdraws.optin@example.org,false,after',
      'Had,Consent,untouched.optin@example.org,maybe,after',
      'Opt,Bad,optin.bad@example.org,y,',
    ].join('\n');
    const res = await t.gql<Result>(org(), IMPORT, { l: localId, csv });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importMembers).toEqual({
      created: 5,
      updated: 2,
      skipped: 2,
      errors: [
        {
          row: 8,
          message: 'alertOptIn: "maybe" is not yes or no; write yes, no, sí, si, true, false, 1 or 0',
        },
        { row: 9, message: 'alertOptIn: "y" is not yes or no; write yes, no, sí, si, true, false, 1 or 0' },
      ],
    });
    const { rows } = await t.db.query(
      `select email, alert_opt_in, tags from member where local_id = $1 and email like '%optin%' order by email`,
      [localId],
    );
    expect(rows).toEqual([
      { email: 'keeps.optin@example.org', alert_opt_in: true, tags: ['after'] },
      { email: 'optin.blank@example.org', alert_opt_in: false, tags: [] },
      { email: 'optin.no@example.org', alert_opt_in: false, tags: [] },
      { email: 'optin.one@example.org', alert_opt_in: true, tags: [] },
      { email: 'optin.si@example.org', alert_opt_in: true, tags: [] },
      { email: 'optin.yes@example.org', alert_opt_in: true, tags: [] },
      // The refused row changed nothing of the member it matched, its other cells included.
      { email: 'untouched.optin@example.org', alert_opt_in: false, tags: ['before'] },
      { email: 'withdraws.optin@example.org', alert_opt_in: false, tags: ['after'] },
    ]);
  });

  describe('planner statistics', () => {
    // ANALYZE run by a command (not autovacuum, which keeps its own counter).
    const analyzed = async () =>
      (
        await ctx.t.db.query(
          `select analyze_count::int as n, (select reltuples from pg_class where relname = 'member') as tuples
             from pg_stat_user_tables where relname = 'member'`,
        )
      ).rows[0] as { n: number; tuples: number };
    const rows = (n: number, tag: string) =>
      'firstName,lastName,email\n' +
      Array.from({ length: n }, (_, i) => `Stat${i},${tag},stat.${tag}.${i}@example.org`).join('\n');

    it(`are refreshed in the import's transaction when it writes ${IMPORT_ANALYZE_ROWS} members or more, and not below`, async () => {
      const { t } = ctx;
      const before = await analyzed();
      const small = await t.gql<Result>(org(), IMPORT, {
        l: localId,
        csv: rows(IMPORT_ANALYZE_ROWS - 1, 'small'),
      });
      expect(small.data!.importMembers.created).toBe(IMPORT_ANALYZE_ROWS - 1);
      expect((await analyzed()).n).toBe(before.n);

      const large = await t.gql<Result>(org(), IMPORT, {
        l: localId,
        csv: rows(IMPORT_ANALYZE_ROWS, 'large'),
      });
      expect(large.data!.importMembers.created).toBe(IMPORT_ANALYZE_ROWS);
      const after = await analyzed();
      expect(after.n).toBe(before.n + 1);
      // The statistics know every row, including the ones the import itself wrote.
      const count = (await t.db.query('select count(*)::int as n from member')).rows[0].n;
      expect(after.tuples).toBe(count);
    });
  });
});
