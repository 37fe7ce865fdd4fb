/** PostgreSQL's SQLSTATE for a unique-constraint violation; PGlite reports the same code. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === UNIQUE_VIOLATION;
export const isForeignKeyViolation = (err: unknown) => sqlState(err) === FOREIGN_KEY_VIOLATION;

/**
 * SQLSTATE classes and codes, node errors and driver messages that mean the database cannot be reached
 * or went away mid-request (restart, failover, network), as opposed to a problem with the query.
 */
const UNAVAILABLE_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /not queryable/,
  /connection has been discarded/,
  /^Query read timeout/,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state && (UNAVAILABLE_STATES.has(state) || state.startsWith('08'))) return true;
  const message = err instanceof Error ? err.message : '';
  return UNAVAILABLE_MESSAGES.some((m) => m.test(message));
}

/** PostgreSQL cancelled a statement that ran past `statement_timeout` (57014 also means a cancel request). */
export function isStatementTimeout(err: unknown): boolean {
  return sqlState(err) === '57014' && err instanceof Error && /statement timeout/.test(err.message);
}

/** The database's disk is full (SQLSTATE 53100 disk_full, or the OS said so). */
export const isDiskFull = (err: unknown) => {
  const state = sqlState(err);
  return state === '53100' || state === 'ENOSPC';
};
