// The reliability tier (not part of `npm test`): concurrency, database restarts, crashes, full disk and
// hostile input, on PGlite, or on PostgreSQL when TILLIT_TEST_DATABASE_URL is set. Each test records
// what it tried and whether it held (test/reliability/support/results.ts); the table is printed at the end.
// Like `npm test`, it runs the files compiled into dist/node (scripts/build-server.js), built first if stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTestFiles } from './test-schedule.js';
import { cpuSecondsWithChildren } from './test-usage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-web-build.js')], {
  stdio: 'inherit',
  cwd: root,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const { ensureServerBuild, outDir } = await import('./build-server.js');
await ensureServerBuild();

const dir = path.join(root, 'test/reliability');
// Two files at a time (each has its own data directory or database); the kill -9 files, which take longest,
// start first so the two lanes end together (node:test's run() keeps this order; `node --test` would sort it).
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.reliability.ts'))
      .sort((a, b) => Number(b.startsWith('crash')) - Number(a.startsWith('crash')) || a.localeCompare(b))
      .map((f) => path.join('test/reliability', f));
const results = path.join(os.tmpdir(), `tillit-reliability-${process.pid}.jsonl`);
const db = process.env.TILLIT_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
process.stdout.write(`Reliability tier on ${db}: ${files.length} file(s)\n`);
const compiled = files.map((file) => path.join(outDir, file.replace(/\.ts$/, '.js')));
Object.assign(process.env, {
  TILLIT_LOG_LEVEL: process.env.TILLIT_LOG_LEVEL ?? 'silent',
  TILLIT_RELIABILITY_RESULTS: results,
});
const started = { wallMs: Date.now(), cpuS: cpuSecondsWithChildren() };
const passed = await runTestFiles(compiled, { concurrency: 2, execArgv: ['--enable-source-maps'] });

const rows = existsSync(results)
  ? readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(results, { force: true });
const columns = ['database', 'area', 'tried', 'outcome', 'detail'];
const MAX = { tried: 48, detail: 72 };
/** A cell's text in lines of at most the column's width, broken at spaces. */
const wrap = (c, v) => {
  const max = MAX[c] ?? 70;
  const lines = [];
  let current = '';
  for (const word of String(v).split(' ')) {
    if (current && current.length + 1 + word.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  lines.push(current);
  return lines;
};
const width = (c) =>
  Math.max(
    c.length,
    ...rows.flatMap((r) => wrap(c, r[c])).map((l) => l.length),
    ...wrap(c, c).map((l) => l.length),
  );
const line = (values) => `| ${columns.map((c, i) => String(values[i]).padEnd(width(c))).join(' | ')} |`;
process.stdout.write(`\nWhat the reliability tier tried on ${db}, and what held:\n`);
process.stdout.write(`${line(columns)}\n|${columns.map((c) => '-'.repeat(width(c) + 2)).join('|')}|\n`);
for (const r of rows) {
  const cells = columns.map((c) => wrap(c, r[c]));
  const height = Math.max(...cells.map((l) => l.length));
  for (let i = 0; i < height; i++) process.stdout.write(`${line(cells.map((l) => l[i] ?? ''))}\n`);
}
const failed = rows.filter((r) => r.outcome === 'FAILED').length;
const skipped = rows.filter((r) => r.outcome === 'skipped').length;
const wallS = (Date.now() - started.wallMs) / 1000;
const cpuS = cpuSecondsWithChildren() - started.cpuS;
process.stdout.write(
  `\n${rows.length} checks: ${rows.length - failed - skipped} held, ${failed} failed, ${skipped} skipped ` +
    `(${wallS.toFixed(0)} s wall, ${cpuS.toFixed(0)} s CPU)\n`,
);
process.exit(passed ? 0 : 1);
