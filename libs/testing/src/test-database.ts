import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup for every worker: a server URL (any database) and the migrated template. */
export const TEST_ENV = {
  get serverUrl(): string {
    return required('JUNTOS_TEST_SERVER_URL');
  },
  get template(): string {
    return required('JUNTOS_TEST_TEMPLATE');
  },
};

function required(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the tests through jest, whose global setup prepares the database`,
    );
  return v;
}

/** The login role test apps use: a member of juntos_app, so row-level security applies. */
export const TEST_APP_ROLE = { user: 'juntos_test_api', password: 'juntos-test-api-password' };

export function urlFor(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(
  fn: (c: Client) => Promise<T>,
  serverUrl = TEST_ENV.serverUrl,
): Promise<T> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(
  template = TEST_ENV.template,
): Promise<{ name: string; url: string }> {
  const name = `juntos_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (c) => {
    // Two clones of one template at the same instant can collide; a short retry settles it.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${template}"`);
        return;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return { name, url: urlFor(TEST_ENV.serverUrl, name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** An empty database (no migrations), for the migration round-trip test. */
export async function createEmptyDatabase(): Promise<{ name: string; url: string }> {
  const name = `juntos_e_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create database "${name}" template template0`));
  return { name, url: urlFor(TEST_ENV.serverUrl, name) };
}
