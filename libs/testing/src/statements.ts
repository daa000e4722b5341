import { Client } from 'pg';
import { JOBS_APPLICATION_NAME } from '@juntos/db';
import { TEST_APP_ROLE } from './test-database';

/**
 * Counts the SQL statements the API's own connections send while `fn` runs: a test of how many
 * round trips a request makes (N+1), never of how long it takes. pg-boss's connections poll on
 * their own clock, so they are not counted.
 */
export async function countStatements(fn: () => Promise<void>): Promise<number> {
  return (await captureStatements(fn)).length;
}

/** The text of each statement countStatements would count, in order: what a request asked of SQL. */
export async function captureStatements(fn: () => Promise<void>): Promise<string[]> {
  const original = Client.prototype.query;
  const seen: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const params = (this as unknown as { connectionParameters: { user: string; application_name?: string } })
      .connectionParameters;
    if (params.user === TEST_APP_ROLE.user && params.application_name !== JOBS_APPLICATION_NAME) {
      const q = args[0];
      seen.push(typeof q === 'string' ? q : ((q as { text?: string } | null)?.text ?? ''));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return seen;
}
