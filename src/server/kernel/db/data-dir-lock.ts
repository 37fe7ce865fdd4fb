import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** The file whose operating-system lock marks the data directory as open. */
export const LOCK_FILE = 'data-dir.lock';

/**
 * node:sqlite, loaded without its "experimental" start-up warning: Tillit uses only its file locking, which
 * is SQLite's own (fcntl on POSIX, LockFileEx on Windows) and is released by the kernel when the process
 * ends, however it ends.
 */
function sqlite(): typeof DatabaseSync {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite is an experimental feature')) return;
    Reflect.apply(emit, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    return (createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite')).DatabaseSync;
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * PGlite has no lock of its own: two processes writing one directory silently lose commits. Tillit holds an
 * exclusive operating-system lock on `data-dir.lock` for as long as the database is open. The lock dies with
 * the process (kill -9, a crash, PID reuse in a container cannot leave it stale). Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const DatabaseSyncClass = sqlite();
  const lock = new DatabaseSyncClass(path.join(dataDir, LOCK_FILE));
  try {
    lock.exec('PRAGMA busy_timeout = 0');
    lock.exec('PRAGMA journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { errcode?: number }).errcode === 5 /* SQLITE_BUSY */) {
      throw new DataDirLockedError(
        `The embedded database in ${dataDir} is already open in another Tillit process. ` +
          'PGlite cannot be shared between processes: stop the other process first, or run Tillit on PostgreSQL with DATABASE_URL.',
      );
    }
    throw err;
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    lock.exec('ROLLBACK');
    lock.close();
  };
}
