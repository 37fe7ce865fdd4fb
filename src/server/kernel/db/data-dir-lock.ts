import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockOwner(lockPath: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(lockPath, 'utf8').trim().split(' ');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite has no lock of its own: two processes writing one directory silently lose commits.
 * Tillit holds an exclusive lock file for as long as the database is open.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'tillit.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid} ${os.hostname()}\n`);
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLockOwner(lockPath);
      const sameHost = owner?.host === os.hostname();
      if (owner && (!sameHost || processIsAlive(owner.pid))) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is already open in another Tillit process (pid ${owner.pid} on ${owner.host}). ` +
            'PGlite cannot be shared between processes: stop the other process first, or run Tillit on PostgreSQL with DATABASE_URL.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}`);
}
