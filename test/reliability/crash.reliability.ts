import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, runTillit, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';
import { firstStartCredentials, signInOverHttp } from './support/http-session.js';
import { recordResult } from './support/results.js';

const WRITE_TRIALS = 3;
const BACKUP_TRIALS = 3;
const WRITERS = 4;
// A first start on PGlite runs initdb; on a busy two-core machine that alone can take a minute.
const START_TIMEOUT_MS = 240_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) => new Promise((r) => child.once('exit', r));

describe('kill -9 during a write burst and during `tillit backup`', () => {
  let inst: TestInstance;
  let env: Record<string, string>;
  let credentials: { email: string; password: string } | undefined;
  const acknowledged: string[] = [];

  before(async () => {
    inst = await createTestInstance('crash');
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
      await sleep(500 + Math.floor(Math.random() * 1500));
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
});
