import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/cli.js';

/** Runs bin/tillit.js in a Node.js that reports the given version (npm does not enforce "engines"). */
function runAs(version: string) {
  const pretend = `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"${version}"}});Object.defineProperty(process,"version",{value:"v${version}"})`;
  return spawnSync(process.execPath, ['--import', pretend, path.join(repoRoot, 'bin/tillit.js'), 'help'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

test('tillit refuses a Node.js older than 22.13 (node:sqlite, which locks the data directory, is unflagged from 22.13) with a clear message', () => {
  for (const old of ['20.20.2', '22.12.0']) {
    const r = runAs(old);
    assert.equal(r.status, 1, `${old}: ${r.stderr}`);
    assert.match(
      r.stderr,
      new RegExp(`needs Node\\.js 22\\.13 or newer; .* is v${old.replaceAll('.', '\\.')}`),
    );
    assert.match(r.stderr, /npm start/);
    assert.doesNotMatch(r.stdout, /Usage: tillit/);
  }
});

test('tillit runs on Node.js 22.13 and newer', () => {
  for (const ok of ['22.13.0']) {
    const r = runAs(ok);
    assert.equal(r.status, 0, `${ok}: ${r.stderr}`);
    assert.match(r.stdout, /Usage: tillit/);
  }
});
