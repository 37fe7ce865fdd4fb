import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../browser/app-server.js';
import { repoRoot } from '../support/cli.js';
import { testDatabaseKind } from '../support/test-database.js';
import { signInOverHttp } from './support/http-session.js';
import { recordResult } from './support/results.js';
import { type PreparedInstance, prepareInstance } from './support/trials.js';

const TMPFS_MB = 512;
const LEAVE_FREE_MB = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why this machine cannot give a process a private, small tmpfs, or undefined when it can. */
function tmpfsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs in a private mount namespace needs root';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-tmpfs-probe-'));
  const probe = spawnSync('unshare', ['-m', 'mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], {
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  return probe.status === 0 ? undefined : `unshare -m + mount -t tmpfs refused: ${probe.stderr.trim()}`;
}

const skipReason =
  testDatabaseKind === 'postgres'
    ? 'runs in the PGlite pass (the PostgreSQL server disk is not Tillit’s)'
    : tmpfsUnavailable();
if (skipReason) {
  recordResult({
    area: 'full disk',
    tried: `PGlite on a ${TMPFS_MB} MiB tmpfs`,
    outcome: 'skipped',
    detail: skipReason,
  });
}

/** Polls `fn` every 100 ms until it returns true, for at most `ms`; resolves with whether it did. */
async function until(fn: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await fn()) return true;
  return false;
}

describe('a full disk under PGlite', { skip: skipReason }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-fulldisk-'));
  let child: ChildProcess | undefined;
  // The installation starts as a copy of the migrated template with its organisation (no initdb on the tmpfs).
  let prepared: PreparedInstance;
  before(async () => {
    prepared = await prepareInstance('fulldisk');
  });
  after(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await prepared?.inst.dispose();
  });

  test('changes get 507 with a log line, reads still work, /readyz is 503, SIGTERM exits, freeing space recovers', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // The server runs in its own mount namespace, where dataDir is a small tmpfs.
    child = spawn(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `mount -t tmpfs -o size=${TMPFS_MB}m tmpfs "$0" && cp -a "$3"/. "$0"/ && exec "$1" "$2" serve`,
        dataDir,
        process.execPath,
        path.join(repoRoot, 'bin/tillit.js'),
        prepared.inst.dataDir,
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          TILLIT_DATA_DIR: dataDir,
          TILLIT_PORT: String(port),
          TILLIT_HOST: '127.0.0.1',
          TILLIT_LOG_LEVEL: 'warn',
          TILLIT_DEMO: 'false',
          TILLIT_JOBS: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
    for (let i = 0; i < 1200 && !/Tillit is running/.test(out); i++) {
      assert.equal(child.exitCode, null, `tillit serve exited:\n${out}`);
      await sleep(100);
    }
    const pid = String(child.pid);
    const inNamespace = (...args: string[]) =>
      spawnSync('nsenter', ['-t', pid, '-m', ...args], { encoding: 'utf8' });
    const api = await signInOverHttp(url, prepared.admin.email, prepared.admin.password);
    assert.equal((await api.send('POST', '/api/controls', { title: 'Before the disk filled' })).status, 201);

    const avail = Number(inNamespace('df', '-B1', '--output=avail', dataDir).stdout.split('\n')[1]);
    const filler = path.join(dataDir, 'filler');
    const fill = inNamespace('fallocate', '-l', String(avail - LEAVE_FREE_MB * 1024 * 1024), filler);
    assert.equal(fill.status, 0, fill.stderr);
    // Free space is measured at most once a second: wait until the server has seen the full disk.
    const readyzStatus = () =>
      fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      );
    let readyz = 0;
    await until(async () => {
      readyz = await readyzStatus();
      return readyz !== 200;
    }, 15_000);

    const write = await api.send('POST', '/api/controls', { title: 'On a full disk' });
    const read = await api.send('GET', '/api/controls');
    const logged = /nearly full/.test(out);

    assert.equal(inNamespace('rm', filler).status, 0);
    await until(async () => (await readyzStatus()) === 200, 15_000);
    const after = await api.send('POST', '/api/controls', { title: 'After space was freed' });

    const exit = new Promise<number | null>((r) => child?.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    const code = await Promise.race([exit, sleep(15_000).then(() => 'still running')]);

    const held =
      write.status === 507 &&
      read.status === 200 &&
      readyz === 503 &&
      logged &&
      after.status === 201 &&
      code === 0;
    recordResult({
      area: 'full disk',
      tried: `PGlite on a ${TMPFS_MB} MiB tmpfs filled to ${LEAVE_FREE_MB} MiB free`,
      outcome: held ? 'held' : 'FAILED',
      detail: `write ${write.status}, read ${read.status}, /readyz ${readyz}, logged ${logged}, after freeing ${after.status}, SIGTERM exit ${code}`,
    });
    assert.equal(write.status, 507, write.body);
    assert.match(write.body, /disk is nearly full/);
    assert.equal(read.status, 200, read.body);
    assert.equal(readyz, 503);
    assert.ok(logged, `no log line about the disk:\n${out}`);
    assert.equal(after.status, 201, after.body);
    assert.equal(code, 0);
  });
});
