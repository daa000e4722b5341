import 'tsconfig-paths/register'; // globalSetup runs outside jest's module mapper
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppLoginRole, runMigrations } from '@juntos/db';
import { MIGRATIONS } from '../../migrations';
import { startEmbeddedPostgres } from '../../apps/api/src/embedded-postgres';
// The one file it needs, not the @juntos/testing index: in a run in band (--runInBand,
// --maxWorkers=1) what globalSetup loads stays in the process, and the index pulls in modules that
// then make a second test file's GraphQL types unreadable ("Cannot determine a GraphQL output type").
import { createEmptyDatabase, TEST_APP_ROLE, withAdmin } from '../../libs/testing/src/test-database';

/**
 * Starts a throwaway embedded Postgres (unless TEST_DATABASE_URL names a server), migrates one
 * template database, and hands both to the workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'juntos-test-'));
    chmodSync(dataDir, 0o755); // Postgres runs as the 'postgres' user when we are root
    const pg = await startEmbeddedPostgres({
      dataDir,
      password: 'juntos-test',
      database: 'postgres',
      // Speed over durability: this cluster is deleted after the run. Never used for DATA_DIR/pg.
      flags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
    });
    serverUrl = pg.url;
    (globalThis as { __juntosPg?: unknown }).__juntosPg = { stop: pg.stop, dataDir };
  }
  process.env.JUNTOS_TEST_SERVER_URL = serverUrl;
  const template = await createEmptyDatabase();
  await runMigrations(template.url, MIGRATIONS);
  await withAdmin((c) => c.query(`alter database "${template.name}" is_template true`));
  // Test apps sign in as the API would in production: a member of juntos_app, under RLS.
  await ensureAppLoginRole(serverUrl, TEST_APP_ROLE.user, TEST_APP_ROLE.password);
  process.env.JUNTOS_TEST_TEMPLATE = template.name;
}
