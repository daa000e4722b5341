import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppLoginRole, runMigrations } from '@juntos/db';
import { makeUser, TEST_APP_ROLE, TEST_PASSWORD, TestApp, useWorld, withAdmin } from '@juntos/test-support';
import { freePort } from '../../apps/api/src/embedded-postgres';
import { MIGRATIONS } from '../../migrations';

const ROOT = join(__dirname, '..', '..');
const LIST = 'query($l: ID!) { members(localId: $l, first: 10) { totalCount } }';

/** Within 5 seconds, either the answer or a clean SERVICE_UNAVAILABLE: never a crash or a hang. */
function expectAnswerOrUnavailable(
  res: { status: number; errors?: { extensions: { code: string } }[]; data?: unknown },
  ms: number,
) {
  expect(ms).toBeLessThan(5000);
  expect(res.status).toBe(200);
  if (res.errors) expect(res.errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
}

describe('losing the database: terminated connections', () => {
  const ctx = useWorld({ DB_POOL_SIZE: '4' });

  it('fails the affected requests cleanly, and serves again at once', async () => {
    const { t, w } = ctx;
    const dbName = new URL(t.env.DATABASE_URL!).pathname.slice(1);
    let terminating = true;
    let terminated = 0;
    const killer = (async () => {
      while (terminating) {
        const { rowCount } = await withAdmin((c) =>
          c.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = $2',
            [dbName, TEST_APP_ROLE.user],
          ),
        );
        terminated += rowCount ?? 0;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    let ok = 0;
    let unavailable = 0;
    try {
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let i = 0; i < 30; i++) {
            const started = Date.now();
            const res = await t.gql(w.own.users.ORGANIZER.token, LIST, { l: w.own.id });
            expectAnswerOrUnavailable(res, Date.now() - started);
            if (res.errors) unavailable++;
            else ok++;
          }
        }),
      );
    } finally {
      terminating = false;
      await killer;
    }
    expect(terminated).toBeGreaterThan(0);
    expect(ok + unavailable).toBe(180);
    // Back to normal without restarting anything.
    for (let i = 0; i < 5; i++)
      expect((await t.gql(w.own.users.ORGANIZER.token, LIST, { l: w.own.id })).errors).toBeUndefined();
    expect((await t.http().get('/health')).status).toBe(200);
  });
});

describe('losing the database: the server stops and comes back', () => {
  let dataDir: string;
  let port: number;
  let cluster: ChildProcess | undefined;
  let t: TestApp;

  const startCluster = async (): Promise<string> => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, '..', 'fixtures', 'pg-cluster.ts'),
        dataDir,
        String(port),
      ],
      {
        cwd: ROOT,
      },
    );
    cluster = child;
    return new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (d: Buffer) => {
        const m = /ready (\S+)/.exec(d.toString());
        if (m) ok(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`cluster exited with ${code}`)));
    });
  };
  const stopCluster = async () => {
    const child = cluster!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'juntos-loss-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    const url = await startCluster();
    await runMigrations(url, MIGRATIONS);
    await ensureAppLoginRole(url, TEST_APP_ROLE.user, TEST_APP_ROLE.password);
    t = await TestApp.onDatabase(url, { DB_POOL_SIZE: '3' });
    expect(new URL(t.env.DATABASE_URL!).username).toBe(TEST_APP_ROLE.user);
  }, 60_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    if (cluster && cluster.exitCode === null) await stopCluster();
    rmSync(dataDir, { recursive: true, force: true });
    // Generous: pg-boss gives its workers 5 s to stop, and a loaded machine is slower. A teardown cut
    // short leaves the app's timers running into the next test file of this worker.
  }, 60_000);

  it('answers 503 and SERVICE_UNAVAILABLE while it is down, and serves again once it is back', async () => {
    const user = await makeUser(t.db, { platformAdmin: true });
    const token = t.tokenFor(user.id);
    expect((await t.gql(token, '{ locals { id } }')).errors).toBeUndefined();
    await t.db.end(); // the owner pool must not hold the stopped server's connections
    await stopCluster();

    const started = Date.now();
    const down = await t.gql(token, '{ locals { id } }');
    expectAnswerOrUnavailable(down, Date.now() - started);
    expect(down.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await t.http().get('/health')).status).toBe(503);
    const login = await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(503);

    await startCluster();
    let res = await t.gql(token, '{ locals { id } }');
    for (let i = 0; i < 10 && res.errors; i++) {
      await new Promise((r) => setTimeout(r, 200));
      res = await t.gql(token, '{ locals { id } }');
    }
    expect(res.errors).toBeUndefined();
    expect((await t.http().get('/health')).status).toBe(200);
    expect(
      (await t.http().post('/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
  }, 60_000);
});
