import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tillit-lock-'));

test('a second opener of a locked data directory is refused with a clear message', () => {
  const dir = tmp();
  const release = lockDataDir(dir);
  assert.throws(
    () => lockDataDir(dir),
    (err: Error) => {
      assert.ok(err instanceof DataDirLockedError);
      assert.match(err.message, new RegExp(`already open in another Tillit process \\(pid ${process.pid}`));
      assert.match(err.message, /DATABASE_URL/);
      return true;
    },
  );
  release();
  assert.equal(existsSync(path.join(dir, 'tillit.lock')), false);
  lockDataDir(dir)();
});

test('a lock left by a process that no longer runs is taken over', () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'tillit.lock'), `999999999 ${os.hostname()}\n`);
  const release = lockDataDir(dir);
  release();
});
