import { CrmError, storeConflicts } from '@rapport/core';

interface DriverError {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
  detail?: unknown;
  message?: unknown;
}

const asDriverError = (error: unknown): DriverError => (typeof error === 'object' && error !== null ? (error as DriverError) : {});

/** A unique or primary-key constraint broken: PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. */
function isUniqueViolation(error: unknown): boolean {
  const code = asDriverError(error).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Which table a unique violation happened in, from PostgreSQL's error fields or SQLite's message. */
function violatedTable(error: unknown): string {
  const e = asDriverError(error);
  if (typeof e.table === 'string') return e.table;
  const match = /constraint failed: (\w+)\./.exec(String(e.message ?? ''));
  return match?.[1] ?? 'unknown';
}

/**
 * A conflict for a unique violation the repositories did not see coming (a write that raced
 * another one past their checks). The message names what clashed as far as the error tells.
 */
function uniqueViolationConflict(error: unknown): CrmError {
  const e = asDriverError(error);
  const detail = typeof e.detail === 'string' ? ` (${e.detail})` : '';
  const what: Record<string, string> = {
    contact_emails: 'An email address is already used by another contact',
    account_domains: 'A domain already belongs to another account',
    activities: 'This activity (or its external id) is already logged',
    access_tokens: 'This access token (or its hash) already exists',
    users: 'There is already a user with this email address',
    idempotency_records: 'This idempotency key has already been used',
  };
  const table = violatedTable(error);
  const message = `${what[table] ?? `This record already exists in ${table}`}${detail}.`;
  return new CrmError('conflict', message, { details: { table }, cause: error });
}

/**
 * PostgreSQL's class 22, data exceptions: a value the database cannot hold, such as text with a
 * NUL character (which SQLite stores) or a number out of a column's range. The input is at fault.
 */
function isDataException(error: unknown): boolean {
  const code = asDriverError(error).code;
  return error instanceof Error && typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** True for errors raised by a database driver or its connection, as opposed to the caller's own. */
function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = asDriverError(error).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_') || NETWORK_CODES.has(code) || /^[0-9A-Z]{5}$/.test(code))) return true;
  return error.name === 'SqliteError' || error.name === 'DatabaseError' || /connection terminated|has already been destroyed|Connection refused/i.test(error.message);
}

/**
 * Turns what a unit of work threw into what a Store promises: CrmErrors and the caller's own
 * errors pass through, unique violations become `conflict`, and database failures `unavailable`.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof CrmError) return error;
  if (isUniqueViolation(error)) return uniqueViolationConflict(error);
  // The database's own message names tables and values: it stays in the cause (for the log), never in the message people see.
  if (isDataException(error)) {
    const message = 'The database cannot store one of these values (text with a NUL character, or a number out of range). Check the input.';
    return new CrmError('invalid_input', message, { cause: error });
  }
  if (isDatabaseError(error)) {
    return new CrmError('unavailable', 'The database could not complete the request. Try again shortly; the hub\'s log has the details.', { cause: error });
  }
  return error;
}

/**
 * Checks an `INSERT … ON CONFLICT DO NOTHING` whose only unique rule is the row's id: nothing
 * inserted means the id is taken. (No SQL error is raised, so a surrounding transaction stays usable.)
 */
export function expectInserted(result: { numInsertedOrUpdatedRows?: bigint | undefined }, what: string, id: string): void {
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw storeConflicts.duplicateId(what, id);
}
