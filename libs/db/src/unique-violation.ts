import { AppError, conflict } from '@juntos/common';

/** Postgres' unique_violation. */
export const UNIQUE_VIOLATION = '23505';

/** What to tell the caller when a write breaks a named unique constraint. */
export interface UniqueRefusal {
  message: string;
  field?: string;
}

/**
 * A unique violation (23505) as CONFLICT: the refusal named for its constraint, else a generic
 * one. Null when `e` is anything else, for the caller to rethrow. The one place this mapping is
 * made: repositories that know their constraints, and the error formatter for the rest.
 */
export function uniqueConflict(
  e: unknown,
  byConstraint: Readonly<Record<string, UniqueRefusal>> = {},
): AppError | null {
  const driver = (e as { driverError?: { code?: unknown; constraint?: unknown } } | null)?.driverError;
  if (driver?.code !== UNIQUE_VIOLATION) return null;
  const known = typeof driver.constraint === 'string' ? byConstraint[driver.constraint] : undefined;
  return known ? conflict(known.message, known.field) : conflict('That already exists.');
}
