// The test command: unit, service, HTTP, CLI and browser tests with node's test runner, on PGlite, or on
// PostgreSQL when TILLIT_TEST_DATABASE_URL is set. The TypeScript is compiled ahead of time into dist/node
// (scripts/build-server.js) and the runner loads the compiled files, so no test process compiles anything.
//
//   npm test                                   every tier (CONTRIBUTING.md) except reliability
//   npm test -- src/formats/csv.test.ts        the named files or globs (source paths; any tier)
//
// Budget per tier, in CPU seconds per pass, and where the CPU goes: CONTRIBUTING.md (Budget per tier). The summary
// printed at the end shows where a run stands; compare CPU seconds, which depend less than wall time on what else
// the machine runs. A tier over its budget gets cheaper tests (shared server per file, template copies, no sleeps)
// before it gets more machine.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownDurations, longestFirst, runTestFiles, saveDurations } from './test-schedule.js';
import { cpuSecondsWithChildren } from './test-usage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`Tillit needs Node.js 22 or newer; this is ${process.version}.\n`);
  process.exit(1);
}
const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.js')], {
  stdio: 'inherit',
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const { ensureServerBuild, outDir } = await import('./build-server.js');
await ensureServerBuild();

const onPostgres = Boolean(process.env.TILLIT_TEST_DATABASE_URL);
const defaultPatterns = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const asked = process.argv.slice(2);

/** Tiers that `npm test` leaves out: reliability always; on the PostgreSQL pass the browser tier (what it checks
 *  is the web app, which does not change with the database) and the unit files that open no database (they ran on
 *  the PGlite pass and would run the same). Named files always run. */
function leftOut(file) {
  if (asked.length) return false;
  if (file.startsWith('test/reliability/')) return true;
  return onPostgres && (file.startsWith('test/browser/') || opensNoDatabase(file));
}

/** A unit file that uses none of the test helpers that open a database. */
function opensNoDatabase(file) {
  const source = readFileSync(path.join(root, file), 'utf8');
  return (
    tierOf(file) === 'unit' &&
    !/support\/(test-database|test-app|service-fixture|demo-database)\.js/.test(source)
  );
}

/** The tiers of the budget above, slowest first. */
const tiers = ['browser', 'CLI', 'service/HTTP', 'unit'];
function tierOf(file) {
  if (file.startsWith('test/browser/')) return 'browser';
  if (file.startsWith('test/cli/')) return 'CLI';
  if (file.startsWith('src/server/')) return 'service/HTTP';
  return 'unit';
}
/** CPU seconds a file new to the duration table is taken to cost, by tier (about the median of its tier). */
const fallbackSeconds = { browser: 40, CLI: 30, 'service/HTTP': 10, unit: 1 };
const database = onPostgres ? 'PostgreSQL' : 'PGlite';

const found = [
  ...new Set((asked.length ? asked : defaultPatterns).flatMap((p) => globSync(p, { cwd: root }))),
].filter((file) => /\.test\.tsx?$/.test(file) && !leftOut(file));
if (found.length === 0) {
  process.stderr.write(`No test files match ${asked.join(' ')}\n`);
  process.exit(1);
}
// Longest first (scripts/test-schedule.js), so both cores stay busy until the end of the run.
const files = longestFirst(found, knownDurations(root, database), (file) => fallbackSeconds[tierOf(file)]);
const compiled = files.map((file) => path.join(outDir, file.replace(/\.tsx?$/, '.js')));

const concurrency = Number(process.env.TILLIT_TEST_CONCURRENCY) || os.availableParallelism();
process.stdout.write(`Running ${files.length} test files on ${database}, ${concurrency} at a time\n`);
const usageFile = path.join(os.tmpdir(), `tillit-test-usage-${process.pid}.jsonl`);
Object.assign(process.env, {
  TILLIT_LOG_LEVEL: process.env.TILLIT_LOG_LEVEL ?? 'silent',
  TILLIT_TEST_USAGE_FILE: usageFile,
  // Every test-file process and every `tillit` and server process it starts loads the same few thousand
  // modules; Node keeps their compiled code here (checked against each file's content, so never stale).
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(root, '.cache', 'node-compile-cache'),
});
const started = { wallMs: Date.now(), cpuS: cpuSecondsWithChildren() };
const passed = await runTestFiles(compiled, {
  concurrency,
  execArgv: ['--enable-source-maps', '--import', path.join(root, 'scripts/test-usage.js')],
});
printSummary({
  wallS: (Date.now() - started.wallMs) / 1000,
  cpuS: cpuSecondsWithChildren() - started.cpuS,
});
process.exit(passed ? 0 : 1);

/** Where the time went: per tier and the ten slowest files, wall and CPU seconds (a file's CPU includes the
 *  `tillit` processes and Chromium it started). Compare with the budget above. */
function printSummary(whole) {
  const source = new Map(compiled.map((file, i) => [file, files[i]]));
  const rows = existsSync(usageFile)
    ? readFileSync(usageFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((row) => source.has(row.file))
        .map((row) => ({ ...row, file: source.get(row.file) }))
    : [];
  rmSync(usageFile, { force: true });
  if (!asked.length && rows.length === files.length) saveDurations(root, database, rows);
  const s = (seconds) => `${seconds.toFixed(1)} s`.padStart(9);
  const lines = [
    `\nTest time on ${database}, ${concurrency} at a time: ${s(whole.wallS).trim()} wall, ${s(whole.cpuS).trim()} CPU`,
    `  ${'tier'.padEnd(14)} files      wall       CPU   slowest file (wall)`,
  ];
  for (const tier of tiers) {
    const inTier = rows.filter((row) => tierOf(row.file) === tier);
    if (inTier.length === 0) continue;
    const sum = (key) => inTier.reduce((total, row) => total + row[key], 0);
    const slowest = Math.max(...inTier.map((row) => row.wallS));
    lines.push(
      `  ${tier.padEnd(14)} ${String(inTier.length).padStart(5)} ${s(sum('wallS'))} ${s(sum('cpuS'))} ${s(slowest)}`,
    );
  }
  lines.push('  slowest files:          wall       CPU');
  for (const row of [...rows].sort((a, b) => b.wallS - a.wallS).slice(0, 10)) {
    lines.push(`  ${s(row.wallS)} ${s(row.cpuS)}  ${row.file}`);
  }
  if (rows.length < files.length) lines.push(`  (${files.length - rows.length} file(s) reported no usage)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
