import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDevSecrets } from '../apps/api/src/config/dev-secrets';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../apps/api/src/embedded-postgres';

/**
 * The owner's database URL for maintenance scripts: MIGRATION_DATABASE_URL or DATABASE_URL, else
 * the embedded database in DATA_DIR, attached to when `npm start` runs it, started otherwise.
 */
export async function ownerDatabaseUrl(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const given = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return { url: given };
  if (process.env.NODE_ENV === 'production')
    throw new Error('MIGRATION_DATABASE_URL or DATABASE_URL is required in production');
  const dataDir = process.env.DATA_DIR || './.data';
  const secrets = loadDevSecrets(dataDir);
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    try {
      process.kill(Number(pid), 0);
      return {
        url: `postgres://postgres:${encodeURIComponent(secrets.EMBEDDED_PG_PASSWORD)}@127.0.0.1:${port}/juntos`,
      };
    } catch {
      // a stale pid file: start the cluster ourselves, which clears it
    }
  }
  const embedded = await startEmbeddedPostgres({
    dataDir,
    password: secrets.EMBEDDED_PG_PASSWORD,
    database: 'juntos',
  });
  return { url: embedded.url, embedded };
}
