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
