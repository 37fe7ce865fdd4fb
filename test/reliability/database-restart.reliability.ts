import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { openPostgres } from '../../src/server/kernel/db/database.js';
import { type RunningServer, repoRoot, runTillit, startServer } from '../support/cli.js';
import { testDatabaseKind } from '../support/test-database.js';
import { firstStartCredentials, type HttpSession, signInOverHttp } from './support/http-session.js';
import { type PostgresServer, startPostgresServer } from './support/postgres-server.js';
import { recordResult } from './support/results.js';
import { watch } from './support/trials.js';

const WRITERS = 4;
const RECOVERY_LIMIT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The restart needs a PostgreSQL server of the test's own; it runs once, in the PostgreSQL pass.
const skipReason =
  testDatabaseKind === 'pglite' ? 'runs in the PostgreSQL pass (PGlite is in-process)' : undefined;
if (skipReason)
  recordResult({
    area: 'database restart',
    tried: 'restart under load',
    outcome: 'skipped',
    detail: skipReason,
  });

describe('PostgreSQL restarts and stops answering under load', { skip: skipReason }, () => {
  let pgServer: PostgresServer | string;
  let app: RunningServer | undefined;
  let api: HttpSession;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    pgServer = await startPostgresServer();
    if (typeof pgServer === 'string') return;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-restart-'));
    env = {
      TILLIT_DATA_DIR: dataDir,
      DATABASE_URL: pgServer.url,
      TILLIT_DEMO: 'false',
      TILLIT_API_RATE_LIMIT: '1000000',
    };
    app = await startServer(env, 180_000);
    const admin = firstStartCredentials(app.stdout());
    api = await signInOverHttp(app.url, admin.email, admin.password);
  });
  const skipWithReason = (t: TestContext, tried: string) => {
    const reason = typeof pgServer === 'string' ? pgServer : 'the server did not start';
    recordResult({ area: 'database restart', tried, outcome: 'skipped', detail: reason });
    t.skip(reason);
  };
  after(async () => {
    await app?.stop();
    if (typeof pgServer !== 'string') pgServer?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a restart under write load: the server stays up, in-flight requests get 503, it recovers', async (t) => {
    if (typeof pgServer === 'string' || !app) return skipWithReason(t, 'restart under load');
    const server = pgServer;
    const statuses = new Map<number, number>();
    const created: string[] = [];
    let restartedAt = 0;
    let recoveredAt = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const res = await api.send('POST', '/api/controls', { title: `Restart writer ${w} #${i}` });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) {
          created.push((JSON.parse(res.body) as { id: string }).id);
          if (restartedAt && !recoveredAt) recoveredAt = Date.now();
        }
        if (res.status === 500) t.diagnostic(`500: ${res.body}`);
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    // Restart once the load is under way: 20 writes acknowledged (not after a fixed sleep).
    for (let waited = 0; created.length < 20 && waited < 60_000; waited += 50) await sleep(50);
    await server.restart();
    restartedAt = Date.now();
    for (let waited = 0; !recoveredAt && waited < 3 * RECOVERY_LIMIT_MS; waited += 100) await sleep(100);
    await sleep(500);
    stop = true;
    await Promise.all(writers);

    const alive = app.child.exitCode === null && app.child.signalCode === null;
    const recoveryMs = recoveredAt ? recoveredAt - restartedAt : Number.POSITIVE_INFINITY;
    const unexpected = [...statuses.keys()].filter((s) => s !== 201 && s !== 503);
    const db = await openPostgres(server.url, 1);
    const audited = new Set(
      (
        await db.db
          .selectFrom('audit_events')
          .select('entity_id')
          .where('action', '=', 'control.created')
          .execute()
      ).map((r) => r.entity_id),
    );
    await db.close();
    const unaudited = created.filter((id) => !audited.has(id));
    const verify = await runTillit(['audit', 'verify'], env);
    const held =
      alive &&
      unexpected.length === 0 &&
      recoveryMs <= RECOVERY_LIMIT_MS &&
      unaudited.length === 0 &&
      verify.code === 0;
    recordResult({
      area: 'database restart',
      tried: `pg_ctl restart -m fast under ${WRITERS} writers`,
      outcome: held ? 'held' : 'FAILED',
      detail: `statuses ${JSON.stringify(Object.fromEntries(statuses))}, recovered in ${recoveryMs} ms, ${unaudited.length} unaudited, verify exit ${verify.code}`,
    });
    assert.ok(alive, `tillit serve exited:\n${app.stdout().slice(-3000)}`);
    assert.deepEqual(
      unexpected,
      [],
      `only 201 and 503 expected: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    assert.ok((statuses.get(503) ?? 0) > 0, 'requests in flight during the restart answer 503');
    assert.ok(recoveryMs <= RECOVERY_LIMIT_MS, `recovered in ${recoveryMs} ms`);
    assert.deepEqual(unaudited, []);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });

  test('a database that stops answering: /readyz answers 503 within seconds, and 200 once it answers again', async (t) => {
    if (typeof pgServer === 'string' || !app) return skipWithReason(t, 'frozen database');
    const server = pgServer;
    server.freeze(true);
    let readyz: number;
    let elapsedMs: number;
    try {
      const started = Date.now();
      const res = await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(15_000) }).catch(
        () => undefined,
      );
      elapsedMs = Date.now() - started;
      readyz = res?.status ?? 0;
    } finally {
      server.freeze(false);
    }
    let readyAgain = false;
    for (let i = 0; i < 100 && !readyAgain; i++) {
      readyAgain = (await fetch(`${app.url}/readyz`).catch(() => undefined))?.status === 200;
      if (!readyAgain) await sleep(100);
    }
    const held = readyz === 503 && readyAgain;
    recordResult({
      area: 'database restart',
      tried: 'SIGSTOP every PostgreSQL process, GET /readyz',
      outcome: held ? 'held' : 'FAILED',
      detail: `/readyz ${readyz || 'no answer'} after ${elapsedMs} ms; ready again: ${readyAgain}`,
    });
    assert.equal(readyz, 503, `/readyz answered ${readyz || 'nothing'} after ${elapsedMs} ms`);
    assert.ok(readyAgain, '/readyz is 200 again once the database answers');
  });

  test('`tillit backup` while the database restarts fails with a message, never an unhandled error', async (t) => {
    if (typeof pgServer === 'string' || !app) return skipWithReason(t, 'backup during restart');
    const server = pgServer;
    const backup = (name: string) => {
      const child = spawn(
        process.execPath,
        [path.join(repoRoot, 'bin/tillit.js'), 'backup', '--out', path.join(dataDir, `${name}.ndjson.gz`)],
        {
          cwd: repoRoot,
          env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', ...env },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      const done = new Promise<{ code: number | null; stderr: string }>((r) =>
        child.on('close', (code) => r({ code, stderr })),
      );
      return { child, done };
    };
    // A whole backup first: the CPU it needs. Each trial restarts the database once the backup has spent a share
    // of that (opening the database, checking migrations, reading rows), not after a fixed sleep.
    const whole = backup('whole');
    const { cpuSeconds } = await watch(whole.child, () => false);
    assert.equal((await whole.done).code, 0, 'a backup without a restart succeeds');
    const outcomes: string[] = [];
    const unhandled: string[] = [];
    let restartedWhileRunning = 0;
    for (const share of [0.6, 0.75, 0.9]) {
      const run = backup(`restart-${share}`);
      const seen = await watch(run.child, (cpu) => cpu >= share * cpuSeconds);
      if (!seen.exitedOnItsOwn) restartedWhileRunning++;
      await server.restart();
      const r = await run.done;
      outcomes.push(`${r.code}${r.code === 0 ? '' : `: ${r.stderr.trim().split('\n')[0]}`}`);
      if (
        /Unhandled|uncaught|at .*node_modules/i.test(r.stderr) ||
        !(r.code === 0 || /^tillit: /m.test(r.stderr))
      )
        unhandled.push(r.stderr);
    }
    recordResult({
      area: 'database restart',
      tried: '3 × pg_ctl restart during `tillit backup` (at 60/75/90 % of its CPU)',
      outcome: unhandled.length === 0 && restartedWhileRunning > 0 ? 'held' : 'FAILED',
      detail: `${restartedWhileRunning} restarted while running; exits ${outcomes.join(' | ')}`,
    });
    assert.deepEqual(unhandled, [], 'a backup cut off by a restart fails with a one-line message');
    assert.ok(restartedWhileRunning > 0, 'no restart landed while a backup ran');
  });
});
