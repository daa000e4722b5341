/**
 * Whether an error means the database could not be reached or dropped the connection, rather
 * than refusing a statement: the server shut down or terminated the session (57P0x), a
 * connection exception (08xxx), or the socket failed.
 */
export function isConnectionFailure(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown };
  if (err?.driverError && isConnectionFailure(err.driverError)) return true;
  // TypeORM releases a query runner whose connection died (its 'error' handler); the request's
  // next statement then meets it released. TransactionHost releases runners only at the end.
  const name = (e as Error)?.name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError')
    return true;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (/^(57P0[1-3]|08...)$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))
    return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|the database system is (shutting down|starting up)/i.test(
    message,
  );
}
