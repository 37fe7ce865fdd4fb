// Runs test files with node's test runner in the order given (its run() API keeps the order; `node --test` sorts
// the files alphabetically), `concurrency` at a time, reporting with the spec reporter. Used by run-tests.js and
// run-reliability.js. The order comes from `longestFirst`: the files that took longest last time start first, so
// the last files to finish are short ones and no core idles at the end of the run waiting on one long file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

/**
 * Runs `files` (absolute paths) in the given order and resolves whether every test passed. A failing test, a
 * file that fails to load or exits early, or a cancelled test all count as failures; the spec reporter names
 * each failing test again at the end.
 */
export async function runTestFiles(files, { concurrency, execArgv = [] }) {
  // What the files of this run share (a database seeded once, see test/support/run-cache.ts), removed after it.
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-test-run-'));
  process.env.TILLIT_TEST_RUN_DIR = runDir;
  try {
    return await runAndReport(files, concurrency, execArgv);
  } finally {
    await dropKeptDatabases(runDir);
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** The PostgreSQL databases the run seeded once to copy from (test/support/seeded-database.ts). */
async function dropKeptDatabases(runDir) {
  const list = path.join(runDir, 'postgres-databases-to-drop');
  const url = process.env.TILLIT_TEST_DATABASE_URL;
  if (!url || !existsSync(list)) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean))) {
      await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function runAndReport(files, concurrency, execArgv) {
  return new Promise((resolve) => {
    let failed = false;
    const stream = run({ files, concurrency, execArgv });
    stream.on('test:fail', (event) => {
      // A failing test inside a `todo` test does not fail the run; node --test counts it the same way.
      if (!event.todo) failed = true;
    });
    stream.on('test:summary', (summary) => {
      if (summary.file === undefined && !summary.success) failed = true;
    });
    const report = stream.compose(spec);
    report.on('end', () => resolve(!failed));
    report.pipe(process.stdout, { end: false });
  });
}

/**
 * CPU seconds each file took in an earlier run on `database`, by source path: from `.cache/test-durations.json`
 * (written after every full run), else from the table committed beside this script (the figures of the last
 * measured run, so a fresh clone starts in a good order too). CPU seconds, not wall time: the machine is CPU-bound,
 * and they hardly change with what else it runs. A file with no figure on this database borrows PGlite's.
 */
export function knownDurations(root, database) {
  for (const file of [cachedDurations(root), path.join(root, 'scripts/test-durations.json')]) {
    if (!existsSync(file)) continue;
    const tables = JSON.parse(readFileSync(file, 'utf8'));
    if (tables[database] || tables.PGlite) return { ...tables.PGlite, ...tables[database] };
  }
  return {};
}

const cachedDurations = (root) => path.join(root, '.cache/test-durations.json');

/** Keeps the CPU seconds each file took on `database` for the next run's order (after a full run: a whole table). */
export function saveDurations(root, database, rows) {
  const file = cachedDurations(root);
  const tables = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  tables[database] = Object.fromEntries(
    [...rows]
      .sort((a, b) => a.file.localeCompare(b.file))
      .map((row) => [row.file, Math.round(row.cpuS * 10) / 10]),
  );
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(tables, null, 2)}\n`);
  renameSync(tmp, file);
}

/**
 * Longest-processing-time first: files by their known CPU seconds, most first; a file with no figure yet (new)
 * counts as its tier's `fallback` seconds. Ties keep the alphabetical order.
 */
export function longestFirst(files, durations, fallback) {
  const seconds = (file) => durations[file] ?? fallback(file);
  return [...files].sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b));
}
