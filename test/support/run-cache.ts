import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataDirLockedError, lockDataDir } from '../../src/server/kernel/db/data-dir-lock.js';

let ownRunDir: string | undefined;

/**
 * Where the files of one test run keep what they share: TILLIT_TEST_RUN_DIR, which scripts/run-tests.js and
 * scripts/run-reliability.js create for the run and remove after it; a file run on its own (`node --test x.js`)
 * gets a directory of its own, removed when it exits.
 */
function runDir(): string {
  const shared = process.env.TILLIT_TEST_RUN_DIR;
  if (shared) return shared;
  if (!ownRunDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-test-run-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    ownRunDir = dir;
  }
  return ownRunDir;
}

/**
 * A directory that `build` fills once per test run, for every test file of the run to copy from (a seeded
 * database, say): the first file to ask builds it, under an operating-system lock, while the others wait for the
 * lock; a builder that dies (kill -9 included) leaves only a half-built folder that the next one removes. The
 * directory appears under its name only when complete. Never write into it: it is shared.
 */
export async function builtOncePerRun(name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(runDir(), name);
  if (existsSync(dir)) return dir;
  const lockDir = `${dir}.lock`;
  let release: (() => void) | undefined;
  while (!release) {
    try {
      release = lockDataDir(lockDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      await sleep(100);
    }
  }
  try {
    if (existsSync(dir)) return dir;
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building);
    await build(building);
    renameSync(building, dir);
    return dir;
  } finally {
    release();
  }
}
