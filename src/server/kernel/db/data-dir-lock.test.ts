import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tillit-lock-'));
// The tests run compiled from dist/node (the module is .js there) or from source through tsx (.ts).
const ownExtension = path.extname(fileURLToPath(import.meta.url));
const lockModule = fileURLToPath(new URL(`./data-dir-lock${ownExtension}`, import.meta.url));
const loader = ownExtension === '.ts' ? ['--import', 'tsx'] : [];

/** Another process that takes the lock and holds it until killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(lockModule)};
lockDataDir(${JSON.stringify(dir)});
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, [...loader, '--input-type=module', '--eval', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  assert.equal(chunk.toString().trim(), 'locked');
  return child;
}

const refusedClearly = (err: Error) => {
  assert.ok(err instanceof DataDirLockedError);
  assert.match(err.message, /already open in another Tillit process/);
  assert.match(err.message, /DATABASE_URL/);
  return true;
};

test('a second opener in the same process is refused; after release the directory opens again', () => {
  const dir = tmp();
  const release = lockDataDir(dir);
  assert.throws(() => lockDataDir(dir), refusedClearly);
  release();
  lockDataDir(dir)();
});

test('a live process holding the lock refuses others; killed with SIGKILL, its lock dies with it', async () => {
  const dir = tmp();
  const child = await holdInChild(dir);
  assert.throws(() => lockDataDir(dir), refusedClearly);
  child.kill('SIGKILL');
  await once(child, 'exit');
  const release = lockDataDir(dir);
  release();
});

test('a PID-and-host file naming a reused PID (a container restarted as PID 1 after kill -9) does not block', () => {
  const dir = tmp();
  // What the earlier PID-file lock left behind: the dead server's PID, which the new process now has.
  writeFileSync(path.join(dir, 'tillit.lock'), `${process.pid} ${os.hostname()}\n`);
  lockDataDir(dir)();
});
