import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

describe('starting the API', () => {
  it('refuses to start in production without its settings, one line per problem and no stack', () => {
    const res = spawnSync(process.execPath, [...TS_NODE, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'juntos: DATABASE_URL is required in production',
        'juntos: MIGRATION_DATABASE_URL is required in production',
        'juntos: JWT_SECRET is required in production',
        'juntos: NOTES_ENCRYPTION_KEY is required in production',
        expect.stringMatching(/^juntos: PORT/),
      ]),
    );
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("starting as root with DATA_DIR out of the postgres system user's reach", () => {
  // Only root runs the embedded Postgres as another user (the package's 'postgres' system user).
  const asRoot = userInfo().uid === 0 ? it : it.skip;

  asRoot('stops with one sentence naming DATA_DIR and what to do: exit 1, no stack, no cluster', () => {
    // mkdtemp makes a 0700 directory: the same as a checkout under /root.
    const parent = mkdtempSync(join(tmpdir(), 'juntos-home-'));
    const dataDir = join(parent, 'checkout', '.data');
    try {
      const res = spawnSync(process.execPath, [...TS_NODE, 'apps/api/src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '39187' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(res.stderr.trim().split('\n')).toEqual([
        `juntos: DATA_DIR (${dataDir}) is out of reach of the "postgres" system user that runs the embedded ` +
          `Postgres when started as root, because ${parent} (mode 0700) does not let it through: set DATA_DIR ` +
          `to a directory outside it, for example DATA_DIR=/var/lib/juntos, or start as a user other than root.`,
      ]);
      expect(res.status).toBe(1);
      expect(res.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('reports any other failure of the embedded Postgres in one line, with its reason', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'juntos-broken-'));
    chmodSync(dataDir, 0o755);
    try {
      // Not a cluster Postgres can use: it exits during start.
      mkdirSync(join(dataDir, 'pg'), { mode: 0o700 });
      writeFileSync(join(dataDir, 'pg', 'PG_VERSION'), '17\n');
      const res = spawnSync(process.execPath, [...TS_NODE, 'apps/api/src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '39188' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(res.status).toBe(1);
      const lines = res.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^juntos: the embedded Postgres in ${dataDir}/pg did not start: postgres exited while starting: .+postgresql\\.conf`,
        ),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the embedded database after a kill -9', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'juntos-crash-'));
    chmodSync(dataDir, 0o755);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function crashAfterWrite(): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      [...TS_NODE, join(__dirname, 'fixtures', 'embedded-child.ts'), dataDir],
      { cwd: ROOT },
    );
    await new Promise<void>((ok, fail) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && ok());
      child.once('exit', (code) => fail(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    return child;
  }

  function restartAndRead(): string[] {
    const res = spawnSync(
      process.execPath,
      [...TS_NODE, join(__dirname, 'fixtures', 'embedded-restart.ts'), dataDir],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    if (res.status !== 0) throw new Error(`restart failed: ${res.stderr}`);
    return JSON.parse(res.stdout.trim().split('\n').pop()!);
  }

  it('stops the postmaster the dead API left running, and starts with the data intact', async () => {
    await crashAfterWrite();
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow(); // the orphan still runs
    expect(restartAndRead()).toEqual(['written before the crash']);
  });

  it('starts over a stale postmaster.pid whose process is gone', async () => {
    await crashAfterWrite();
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL'); // the whole machine went down: nothing shut down cleanly
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        break;
      }
    }
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    expect(restartAndRead()).toEqual(['written before the crash']);
  });
});
