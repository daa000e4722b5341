import { Client } from 'pg';
import { TEST_APP_ROLE } from './test-database';

/**
 * Counts the SQL statements the API's own connections send while `fn` runs: a test of how many
 * round trips a request makes (N+1), never of how long it takes.
 */
export async function countStatements(fn: () => Promise<void>): Promise<number> {
  const original = Client.prototype.query;
  let count = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    if (
      (this as unknown as { connectionParameters: { user: string } }).connectionParameters.user ===
      TEST_APP_ROLE.user
    )
      count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return count;
}
