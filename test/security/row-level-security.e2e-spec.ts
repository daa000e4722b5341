import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { JOBS_APPLICATION_NAME } from '@juntos/db';
import { makeMember, TEST_APP_ROLE, TestApp, useWorld } from '@juntos/test-support';

/** Raw SQL as the API's own role, in one transaction, rolled back afterwards. */
async function asApp<T>(t: TestApp, localIds: string[] | null, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: t.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query('begin');
    if (localIds) await c.query(`select set_config('app.local_ids', $1, true)`, [`{${localIds.join(',')}}`]);
    return await fn(c);
  } finally {
    await c.query('rollback').catch(() => undefined);
    await c.end();
  }
}

describe('row-level security: the backstop behind the permission layer', () => {
  const ctx = useWorld({ DB_POOL_SIZE: '2' });

  it('covers every table with local_id: RLS enabled, forced, with a policy on app.local_ids', async () => {
    const { rows } = await ctx.t.db.query(`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid
                and pg_get_expr(p.polqual, p.polrelid) like '%app.local_ids%') as scoped_policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'local_id' and not a.attisdropped)
       order by 1`);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(
      rows.filter(
        (r: { enabled: boolean; forced: boolean; scoped_policies: number }) =>
          !r.enabled || !r.forced || r.scoped_policies < 1,
      ),
    ).toEqual([]);
  });

  it('reads its settings once per statement: every current_setting in a policy sits in a scalar subquery', async () => {
    const { rows } = await ctx.t.db.query(`
      select c.relname as table, p.polname as policy,
             concat_ws(' ', pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)) as expr
        from pg_policy p join pg_class c on c.oid = p.polrelid`);
    const reading = rows.filter((r: { expr: string }) => r.expr.includes('current_setting('));
    expect(reading.length).toBeGreaterThanOrEqual(30);
    // Evaluated for every row otherwise (migration ScopeOncePerStatement).
    const perRow = /(?<!SELECT (\(NULLIF\()?)current_setting\(/;
    expect(reading.filter((r: { expr: string }) => perRow.test(r.expr))).toEqual([]);
  });

  it('connects the API as a role that owns nothing and cannot bypass RLS', async () => {
    const { t } = ctx;
    expect(new URL(t.env.DATABASE_URL!).username).toBe(TEST_APP_ROLE.user);
    const roles = await t.db.query(
      `select rolname, rolsuper, rolbypassrls from pg_roles where rolname in ('juntos_app', $1) order by 1`,
      [TEST_APP_ROLE.user],
    );
    expect(roles.rows).toEqual([
      { rolname: 'juntos_app', rolsuper: false, rolbypassrls: false },
      { rolname: TEST_APP_ROLE.user, rolsuper: false, rolbypassrls: false },
    ]);
    const owned = await t.db.query(
      `select tablename from pg_tables where schemaname = 'public' and tableowner in ('juntos_app', $1)`,
      [TEST_APP_ROLE.user],
    );
    expect(owned.rows).toEqual([]);
  });

  it('shows raw SQL with no local set 0 rows of any local table', async () => {
    const { t, w } = ctx;
    await makeMember(t.db, w.own.id, { workplaceId: w.own.assigned });
    await makeMember(t.db, w.other.id, { workplaceId: w.other.assigned });
    const tables = [
      'workplace',
      'unit',
      'role_assignment',
      'role_assignment_workplace',
      'invitation',
      'member',
      'audit_event',
    ];
    const counts = await asApp(t, null, async (c) => {
      const out: Record<string, number> = {};
      for (const table of tables)
        out[table] = (await c.query(`select count(*)::int as n from ${table}`)).rows[0].n;
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(tables.map((x) => [x, 0])));
    // The owner sees them: the rows exist.
    expect((await t.db.query('select count(*)::int as n from member')).rows[0].n).toBeGreaterThan(0);
  });

  it("lets one local's scope see only its own rows, and write none into another local", async () => {
    const { t, w } = ctx;
    const seen = await asApp(t, [w.own.id], async (c) =>
      (await c.query('select distinct local_id from member')).rows.map((r) => r.local_id),
    );
    expect(seen).toEqual([w.own.id]);
    await asApp(t, [w.own.id], async (c) => {
      await expect(
        c.query(`insert into member (local_id, first_name, last_name) values ($1, 'Sneaky', 'Write')`, [
          w.other.id,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    await asApp(t, [w.own.id], async (c) => {
      // Moving a row into another local is a write into it, and is refused too.
      const moved = c.query(`update workplace set local_id = $1 where id = $2`, [w.other.id, w.own.assigned]);
      await expect(moved).rejects.toThrow(/row-level security|violates/);
    });
  });

  it('lets the API append to the audit log but never change or delete it', async () => {
    const { t, w } = ctx;
    await asApp(t, [w.own.id], async (c) => {
      await c.query(`insert into audit_event (local_id, action) values ($1, 'test.append')`, [w.own.id]);
      await c.query('savepoint s');
      await expect(c.query(`update audit_event set action = 'rewritten'`)).rejects.toThrow(
        /permission denied/,
      );
      await c.query('rollback to savepoint s');
      await expect(c.query(`delete from audit_event`)).rejects.toThrow(/permission denied/);
    });
  });

  it('holds across 1,000 interleaved requests over a pool of 2, some failing mid-transaction', async () => {
    const { t, w } = ctx;
    for (const local of [w.own, w.other]) {
      for (let i = 0; i < 5; i++) await makeMember(t.db, local.id, { workplaceId: local.assigned });
    }
    const LIST =
      'query($l: ID!) { members(localId: $l, first: 100) { nodes { id local { id } workplace { id } } } }';
    // Writes an address, then fails on the unit rule: the whole mutation must roll back.
    const FAILING =
      'mutation($id: ID!) { updateWorkplace(id: $id, input: { address: "half-written", units: ["Gone"] }) { id } }';
    await t.db.query(
      `insert into unit (local_id, workplace_id, name) select local_id, id, 'Kept' from workplace where id = any($1)`,
      [[w.own.assigned, w.other.assigned]],
    );
    await t.db.query(
      `update member set unit_id = (select id from unit where unit.workplace_id = member.workplace_id and name = 'Kept') where workplace_id = any($1)`,
      [[w.own.assigned, w.other.assigned]],
    );

    let wrongLocal = 0;
    let failed = 0;
    let served = 0;
    const run = async (i: number) => {
      const local = i % 2 ? w.own : w.other;
      const token = local.users.ORGANIZER.token;
      if (i % 10 === 0) {
        const res = await t.gql(token, FAILING, { id: local.assigned });
        if (res.errors?.[0].extensions.code === 'CONFLICT') failed++;
        return;
      }
      const res = await t.gql<{ members: { nodes: { local: { id: string } }[] } }>(token, LIST, {
        l: local.id,
      });
      served++;
      wrongLocal += res.data!.members.nodes.filter((n) => n.local.id !== local.id).length;
    };
    const queue = Array.from({ length: 1000 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) await run(i);
      }),
    );
    expect({ served, failed, wrongLocal }).toEqual({ served: 900, failed: 100, wrongLocal: 0 });
    expect(
      (await t.db.query(`select count(*)::int as n from workplace where address = 'half-written'`)).rows[0].n,
    ).toBe(0);

    // Every connection back in the pool is idle, outside any transaction, with no scope left set.
    // The job queue (pg-boss) signs in as the same role on a pool of its own (JOBS_APPLICATION_NAME,
    // at most 3, polling its schema and never carrying a scope): counted apart, not mistaken for these.
    const dbName = new URL(t.env.DATABASE_URL!).pathname.slice(1);
    const connections = async (applicationName: string) =>
      (
        await t.db.query(
          `select state from pg_stat_activity where datname = $1 and usename = $2 and application_name = $3`,
          [dbName, TEST_APP_ROLE.user, applicationName],
        )
      ).rows as { state: string }[];
    const states = await connections('juntos');
    expect(states.length).toBeLessThanOrEqual(2);
    expect(states.every((r) => r.state === 'idle')).toBe(true);
    expect((await connections(JOBS_APPLICATION_NAME)).length).toBeLessThanOrEqual(3);
    // Nothing else signs in as the API's role.
    const { rows: others } = await t.db.query(
      `select application_name from pg_stat_activity
        where datname = $1 and usename = $2 and application_name not in ('juntos', $3)`,
      [dbName, TEST_APP_ROLE.user, JOBS_APPLICATION_NAME],
    );
    expect(others).toEqual([]);
    const ds = t.app.get(DataSource);
    const settings = await Promise.all(
      [1, 2].map(() =>
        ds.query(
          `select current_setting('app.local_ids', true) as s, now() <> statement_timestamp() as in_tx, pg_sleep(0.05)`,
        ),
      ),
    );
    for (const [row] of settings) {
      // '' once a transaction has set it and ended; null on a connection that never carried one.
      expect(['', null]).toContain(row.s);
      expect(row.in_tx).toBe(false);
    }
  }, 120_000); // 1,000 requests through a pool of 2 take 25–45 s on 2 busy cores: this checks isolation, not speed
});
