import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { publicKeyId } from '../../src/server/kernel/audit/checkpoint.js';
import { AUDIT_KEY_NAME, loadPublicKey } from '../../src/server/kernel/audit/signing-key.js';
import { type RunningServer, runTillit, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance, testDatabaseKind } from '../support/test-database.js';

/** A checkpoint the old installation signed, as someone would have kept it outside Tillit. */
function checkpointNoteFrom(backupFile: string): string {
  for (const line of gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n')) {
    if (!line.startsWith('{"t":"audit_checkpoints"')) continue;
    return (JSON.parse(line) as { r: { note: string } }).r.note;
  }
  throw new Error('the backup holds no checkpoint');
}

describe('backup, verify and SoA export while the server runs; restored installs verify old checkpoints', () => {
  let serving: TestInstance;
  let restored: TestInstance;
  let server: RunningServer;
  let backupFile = '';

  before(async () => {
    serving = await createTestInstance('serving', { migrated: true });
    restored = await createTestInstance('restored');
    // A first start initialises PGlite and seeds the demo; on a busy machine that takes over a minute.
    server = await startServer(serving.env, 180_000);
  });
  after(async () => {
    await server?.stop();
    for (const i of [serving, restored]) await i?.dispose();
  });

  test('tillit backup, audit verify and soa export work against the data directory of a running server', async () => {
    const env = serving.env;
    const backup = await runTillit(['backup'], env);
    assert.equal(backup.code, 0, backup.stderr);
    const backups = path.join(serving.dataDir, 'backups');
    const files = readdirSync(backups);
    assert.equal(files.length, 1, `only the finished backup, no partial file: ${files.join(', ')}`);
    assert.match(files[0] ?? '', /^tillit-backup-[0-9T-]+Z\.ndjson\.gz$/);
    backupFile = path.join(backups, files[0] ?? '');
    assert.ok(backup.stdout.includes(backupFile));
    if (testDatabaseKind === 'pglite') assert.match(backup.stdout, /made by the running server/);

    const verify = await runTillit(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /OK: the audit log is intact/);

    const soaFile = path.join(serving.dataDir, 'soa.csv');
    const soa = await runTillit(['soa', 'export', '--framework', 'iso27001-2022', '--out', soaFile], env);
    assert.equal(soa.code, 0, soa.stderr);
    assert.match(readFileSync(soaFile, 'utf8'), /^\uFEFF?Requirement,Title,/);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200, 'the server kept serving');
  });

  test('the backup restores into a new install, which verifies the old checkpoint and names its key', async () => {
    assert.ok(backupFile, 'the backup of the previous test');
    const restore = await runTillit(['restore', '--in', backupFile], restored.env);
    assert.equal(restore.code, 0, restore.stdout + restore.stderr);
    const saved = path.join(restored.dataDir, 'saved-checkpoint.txt');
    writeFileSync(saved, checkpointNoteFrom(backupFile));
    const oldKeyId = publicKeyId(
      AUDIT_KEY_NAME,
      loadPublicKey(path.join(serving.dataDir, 'audit-signing-key.pem')),
    );
    const verify = await runTillit(['audit', 'verify', '--checkpoint', saved], restored.env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.ok(
      verify.stdout.includes(`${saved}: signed by key ${oldKeyId} (a trusted key imported by a restore)`),
      verify.stdout,
    );
    assert.match(verify.stdout, /OK: the audit log is intact/);
  });

  test('verify on a directory that holds no installation fails clearly and creates no signing key', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'tillit-not-an-install-'));
    const env =
      testDatabaseKind === 'pglite'
        ? { TILLIT_DATA_DIR: empty }
        : { ...restored.env, TILLIT_DATA_DIR: empty };
    const verify = await runTillit(['audit', 'verify'], env);
    assert.equal(verify.code, 1, verify.stdout);
    assert.match(verify.stderr, /No Tillit database in|No audit signing key at/);
    assert.doesNotMatch(verify.stdout, /OK/);
    assert.equal(existsSync(path.join(empty, 'audit-signing-key.pem')), false);
  });
});
