// `npm run bench:startup`: how long `npm start` takes on an existing PGlite data directory until /readyz answers
// 200, and the server's resident memory after it has idled. The first start creates the directory (not counted);
// then BENCH_STARTS starts (default 3) are measured and the median reported, with the web-build check that
// `npm start` runs first timed on its own. A benchmark, not a test: nothing asserts a time.
//   BENCH_STARTS=3  BENCH_IDLE_SECONDS=30  BENCH_STARTUP_PORT=5390
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/server/kernel/config/package-root.js';

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_STARTUP_PORT ?? 5390);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-startup-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function startServer(): ChildProcess {
  return spawn(process.execPath, [path.join(packageRoot, 'bin/tillit.js'), 'serve'], {
    env: {
      ...process.env,
      TILLIT_DATA_DIR: dataDir,
      TILLIT_HOST: '127.0.0.1',
      TILLIT_PORT: String(PORT),
      TILLIT_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
}

/** Polls /readyz every 10 ms; the time from spawn to its first 200. */
async function untilReady(child: ChildProcess, started: number, timeoutMs = 120_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error('the server was not ready in time');
    await sleep(10);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const checkStart = performance.now();
execFileSync(process.execPath, [path.join(packageRoot, 'scripts/ensure-web-build.js')], { stdio: 'ignore' });
const webBuildCheckMs = Math.round(performance.now() - checkStart);

process.stdout.write(`creating the data directory ${dataDir}…\n`);
const first = startServer();
await untilReady(first, performance.now(), 600_000);
await stop(first);

const runs: { readyMs: number; idleRssMb: number }[] = [];
for (let i = 0; i < STARTS; i++) {
  const started = performance.now();
  const child = startServer();
  const readyMs = Math.round(await untilReady(child, started));
  await sleep(IDLE_SECONDS * 1000);
  const idleRssMb = rssMb(child.pid);
  await stop(child);
  runs.push({ readyMs, idleRssMb });
  process.stdout.write(
    `start ${i + 1}: ready in ${readyMs} ms, ${idleRssMb} MB after ${IDLE_SECONDS} s idle\n`,
  );
}
rmSync(dataDir, { recursive: true, force: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  loadAverage: os.loadavg(),
  webBuildCheckMs,
  idleSeconds: IDLE_SECONDS,
  runs,
  medianReadyMs: median(runs.map((r) => r.readyMs)),
  medianIdleRssMb: median(runs.map((r) => r.idleRssMb)),
};
const resultsDir = path.join(packageRoot, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `startup-${report.date.slice(0, 16).replace(':', '')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `npm start on an existing PGlite directory: web-build check ${webBuildCheckMs} ms, then ready in ` +
    `${report.medianReadyMs} ms (median of ${STARTS}), idle RSS ${report.medianIdleRssMb} MB\nWritten to ${file}\n`,
);
process.exit(0);
