import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, runTillit, startServer } from '../support/cli.js';
import { sharedData } from '../support/paths.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';
import { firstStartCredentials, signInOverHttp } from './support/http-session.js';
import { recordResult } from './support/results.js';

// The bar is 20 trials each; TILLIT_RELIABILITY_TRIALS lowers it for a quick local run.
const TRIALS = Number(process.env.TILLIT_RELIABILITY_TRIALS ?? 20);
const WRITE_TRIALS = TRIALS;
const BACKUP_TRIALS = TRIALS;
const IMPORT_TRIALS = TRIALS;
const WRITERS = 4;
// A first start on PGlite runs initdb; on a busy two-core machine that alone can take a minute.
const START_TIMEOUT_MS = 240_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) => new Promise((r) => child.once('exit', r));

describe('kill -9 during a write burst, during `tillit backup` and during an import', () => {
  let inst: TestInstance;
  let env: Record<string, string>;
  let credentials: { email: string; password: string } | undefined;
  const acknowledged: string[] = [];

  before(async () => {
    inst = await createTestInstance('crash', { migrated: true });
    env = { ...inst.env, TILLIT_DEMO: 'false', TILLIT_API_RATE_LIMIT: '1000000' };
  });
  after(() => inst.dispose());

  test(`${WRITE_TRIALS} trials: kill -9 in a burst of writes, restart; every acknowledged write is there with its audit event`, async () => {
    const perTrial: string[] = [];
    for (let trial = 0; trial < WRITE_TRIALS; trial++) {
      const server = await startServer(env, START_TIMEOUT_MS);
      credentials ??= firstStartCredentials(server.stdout());
      const api = await signInOverHttp(server.url, credentials.email, credentials.password);
      let killed = false;
      let acked = 0;
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const res = await api.send('POST', '/api/controls', { title: `Crash ${trial}.${w}.${i}` });
          if (res.status === 201) {
            acknowledged.push((JSON.parse(res.body) as { id: string }).id);
            acked++;
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      await sleep(200 + Math.floor(Math.random() * 800));
      const gone = exited(server.child);
      server.child.kill('SIGKILL');
      await gone;
      killed = true;
      await Promise.all(writers);
      perTrial.push(String(acked));
    }
    // A restart after the last kill must succeed (no stale lock, recovery of the database).
    const server = await startServer(env, START_TIMEOUT_MS);
    await server.stop();

    const handle = await inst.open();
    let missing: string[];
    let unaudited: number;
    try {
      const controls = await handle.db.selectFrom('controls').select('id').execute();
      const audited = new Set(
        (
          await handle.db
            .selectFrom('audit_events')
            .select('entity_id')
            .where('action', '=', 'control.created')
            .execute()
        ).map((r) => r.entity_id),
      );
      const present = new Set(controls.map((c) => c.id));
      missing = acknowledged.filter((id) => !present.has(id) || !audited.has(id));
      unaudited = controls.filter((c) => !audited.has(c.id)).length;
    } finally {
      await handle.close();
    }
    const verify = await runTillit(['audit', 'verify'], env);
    const held = missing.length === 0 && unaudited === 0 && verify.code === 0;
    recordResult({
      area: 'crash',
      tried: `${WRITE_TRIALS} × kill -9 during ${WRITERS} writers, restart`,
      outcome: held ? 'held' : 'FAILED',
      detail: `acknowledged per trial ${perTrial.join('/')}; ${missing.length} lost or unaudited; ${unaudited} rows without event; verify exit ${verify.code}`,
    });
    assert.deepEqual(missing, []);
    assert.equal(unaudited, 0, 'a control without its audit event is a partial write');
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });

  test(`${BACKUP_TRIALS} trials: kill -9 during \`tillit backup\`; the database stays intact and the next backup succeeds`, async () => {
    const leftovers: string[] = [];
    for (let trial = 0; trial < BACKUP_TRIALS; trial++) {
      const out = path.join(inst.dataDir, `killed-${trial}.ndjson.gz`);
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin/tillit.js'), 'backup', '--out', out], {
        cwd: repoRoot,
        env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', ...env },
        stdio: 'ignore',
      });
      const gone = exited(child);
      for (let i = 0; i < 2400 && !existsSync(out) && child.exitCode === null; i++) await sleep(25);
      await sleep(trial * 20);
      child.kill('SIGKILL');
      await gone;
      leftovers.push(existsSync(out) ? `${statSync(out).size} B left at the final name` : 'no file');
    }
    const verify = await runTillit(['audit', 'verify'], env);
    const out = path.join(inst.dataDir, 'after-kill.ndjson.gz');
    const backup = await runTillit(['backup', '--out', out], env);
    const held = verify.code === 0 && backup.code === 0;
    recordResult({
      area: 'crash',
      tried: `${BACKUP_TRIALS} × kill -9 during \`tillit backup\``,
      outcome: held ? 'held' : 'FAILED',
      detail: `${leftovers.join('; ')}; verify exit ${verify.code}; next backup exit ${backup.code}`,
    });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.equal(backup.code, 0, backup.stderr);
  });

  test(`${IMPORT_TRIALS} trials: kill -9 during \`tillit framework import\`; a framework is there whole or not at all`, async () => {
    const catalog = sharedData('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json');
    const started = Date.now();
    const whole = await runTillit(['framework', 'import', catalog, '--key', 'nist-whole'], env);
    const wholeMs = Date.now() - started;
    assert.equal(whole.code, 0, whole.stderr);
    for (let trial = 0; trial < IMPORT_TRIALS; trial++) {
      const child = spawn(
        process.execPath,
        [path.join(repoRoot, 'bin/tillit.js'), 'framework', 'import', catalog, '--key', `nist-kill-${trial}`],
        { cwd: repoRoot, env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' },
      );
      const gone = exited(child);
      // Spread the kills over the late start-up, the import transaction, its commit and the exit: between 40 %
      // and 110 % of how long a whole import took here.
      await sleep(Math.floor(wholeMs * (0.4 + Math.random() * 0.7)));
      child.kill('SIGKILL');
      await gone;
    }
    const handle = await inst.open();
    let counts: { key: string; requirements: number }[];
    try {
      counts = await handle.db
        .selectFrom('frameworks as f')
        .leftJoin('requirements as r', 'r.framework_id', 'f.id')
        .select(['f.key', (eb) => eb.fn.count<number>('r.id').as('requirements')])
        .where('f.key', 'like', 'nist-%')
        .groupBy('f.key')
        .execute();
    } finally {
      await handle.close();
    }
    const expected = counts.find((c) => c.key === 'nist-whole')?.requirements ?? 0;
    const killed = counts.filter((c) => c.key.startsWith('nist-kill-'));
    const partial = killed.filter((c) => c.requirements !== expected);
    const verify = await runTillit(['audit', 'verify'], env);
    const held = expected > 0 && partial.length === 0 && verify.code === 0;
    recordResult({
      area: 'crash',
      tried: `${IMPORT_TRIALS} × kill -9 during \`tillit framework import\` (NIST SP 800-53 LOW)`,
      outcome: held ? 'held' : 'FAILED',
      detail: `${killed.length} imports committed whole before the kill, ${IMPORT_TRIALS - killed.length} left nothing, ${partial.length} partial; verify exit ${verify.code}`,
    });
    assert.ok(expected > 100, `the whole import has ${expected} requirements`);
    assert.deepEqual(partial, []);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });
});
