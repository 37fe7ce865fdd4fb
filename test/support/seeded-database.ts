import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseHandle } from '../../src/server/kernel/db/database.js';
import { builtOncePerRun } from './run-cache.js';
import {
  createKeptPostgresDatabase,
  createTestDatabase,
  dumpPglite,
  testDatabaseKind,
} from './test-database.js';

export interface SeededDatabase<T> {
  /** A fresh database of the kind under test holding what `seed` wrote; the caller closes it. */
  handle: DatabaseHandle;
  /** What `seed` returned (kept as JSON). */
  value: T;
  /** The folder `seed` wrote its other files into (an audit signing key, stored files): copy from it, never write. */
  dir: string;
}

/** Databases a test run made to copy from, one name a line: scripts/test-schedule.js drops them after the run. */
export const KEPT_DATABASES = 'postgres-databases-to-drop';

/**
 * A database set up by `seed` (the demo organisation, users, …). The seeding runs once per test run (the first
 * file to ask runs it; see run-cache.ts) and every caller gets a copy of the seeded database, which costs what an
 * empty one costs (PGlite: a tarball loaded like the template; PostgreSQL: CREATE DATABASE … TEMPLATE), where
 * seeding the demo programme costs ≈ 8 CPU seconds and the demo organisation with a user per role ≈ 1.5. A
 * PostgreSQL file run outside scripts/run-tests.js (no run directory to drop the seeded database from) seeds its
 * own copy each time.
 */
export async function seededDatabase<T>(
  name: string,
  seed: (handle: DatabaseHandle, dir: string) => Promise<T>,
): Promise<SeededDatabase<T>> {
  const runDir = process.env.TILLIT_TEST_RUN_DIR;
  if (testDatabaseKind === 'postgres' && !runDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `tillit-${name}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const handle = await createTestDatabase();
    return { handle, value: await seed(handle, dir), dir };
  }
  const dir = await builtOncePerRun(`seeded-${name}`, async (building) => {
    const database = runDir && testDatabaseKind === 'postgres' ? keptDatabaseName(runDir, name) : undefined;
    const handle = database ? await createKeptPostgresDatabase(database) : await createTestDatabase();
    try {
      const value = await seed(handle, building);
      if (handle.pglite) await dumpPglite(handle, path.join(building, PGLITE_TARBALL));
      writeFileSync(path.join(building, SEEDED), JSON.stringify({ database, value }));
    } finally {
      await handle.close();
    }
  });
  const { database, value } = JSON.parse(readFileSync(path.join(dir, SEEDED), 'utf8')) as {
    database?: string;
    value: T;
  };
  const from = database ?? path.join(dir, PGLITE_TARBALL);
  return { handle: await createTestDatabase({ from }), value, dir };
}

const PGLITE_TARBALL = 'database.tar';
const SEEDED = 'seeded.json';

/** The seeded PostgreSQL database of this run, listed for scripts/test-schedule.js to drop after the run. */
function keptDatabaseName(runDir: string, name: string): string {
  const database = `tillit_seeded_${path.basename(runDir)}_${name}`.replace(/\W/g, '_').toLowerCase();
  appendFileSync(path.join(runDir, KEPT_DATABASES), `${database}\n`);
  return database;
}
