import { Client } from 'pg';

/** The application_name of pg-boss's own connections (polling, maintenance), to tell them apart. */
export const JOBS_APPLICATION_NAME = 'juntos-jobs';

/** The group role migrations grant to; the API's login role is a member of it. */
export const APP_GROUP_ROLE = 'juntos_app';

/**
 * Creates (or updates the password of) a login role for the API, as a member of juntos_app:
 * no ownership, no superuser, no BYPASSRLS. Run as the owner, after migrations created the group.
 * Used for the embedded database and the tests; operators do the same by hand (README).
 */
export async function ensureAppLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const exists = (await c.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
    const verb = exists ? 'alter' : 'create';
    const [{ sql }] = (
      await c.query(
        `select format('${verb} role %I login password %L nosuperuser nobypassrls', $1::text, $2::text) as sql`,
        [role, password],
      )
    ).rows;
    await c.query(sql);
    await c.query(`grant ${APP_GROUP_ROLE} to "${role.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
}

/** The same server and database, signed in as another role. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
