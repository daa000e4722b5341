import { Pool, PoolClient } from 'pg';

/**
 * A race made certain, for "changed meanwhile" tests: holds one row locked (select … for update)
 * on a connection of its own, starts `request`, waits until the request is blocked on a lock (it
 * has read the row and waits to write it), lets `meanwhile` change the row on the holding
 * connection, commits, and returns the request's answer.
 */
export async function whileRowHeld<T>(
  db: Pool,
  row: { table: string; id: string },
  request: () => Promise<T>,
  meanwhile: (holder: PoolClient) => Promise<unknown>,
): Promise<T> {
  const holder = await db.connect();
  try {
    await holder.query('begin');
    await holder.query(`select 1 from ${row.table} where id = $1 for update`, [row.id]);
    const answer = request();
    await untilSomeoneWaitsOnALock(holder);
    await meanwhile(holder);
    await holder.query('commit');
    return await answer;
  } finally {
    holder.release();
  }
}

/** Polls this database for a session waiting on a lock, for five seconds at the most. */
async function untilSomeoneWaitsOnALock(client: PoolClient): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ n }] = (
      await client.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )
    ).rows;
    if (n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
