import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { backupTables } from '../../src/server/modules/index.js';
import { type RunningServer, runTillit, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance, testDatabaseKind } from '../support/test-database.js';

async function tableDump(instance: TestInstance, auditEvents: number): Promise<Record<string, string[]>> {
  const handle = await instance.open();
  try {
    const out: Record<string, string[]> = {};
    for (const t of backupTables) {
      const rows = await sql<{
        j: string;
      }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(t.name)} x ORDER BY ${sql.raw(t.orderBy)}`.execute(
        handle.db,
      );
      out[t.name] = rows.rows.map((r) => r.j);
    }
    out.audit_events = out.audit_events?.slice(0, auditEvents) ?? [];
    delete out.audit_log_heads;
    return out;
  } finally {
    await handle.close();
  }
}

describe('tillit command line', () => {
  let instanceA: TestInstance;
  let instanceB: TestInstance;
  const damagedTargets: TestInstance[] = [];
  let a: string;
  let envA: Record<string, string>;
  let envB: Record<string, string>;
  let server: RunningServer;

  before(async () => {
    instanceA = await createTestInstance('cli-a');
    instanceB = await createTestInstance('cli-b');
    a = instanceA.dataDir;
    envA = instanceA.env;
    envB = instanceB.env;
    server = await startServer(envA);
  });
  after(async () => {
    await server?.stop();
    for (const i of [instanceA, instanceB, ...damagedTargets]) await i?.dispose();
  });

  test('the first start prints a one-time admin password and a second process is refused', async () => {
    assert.match(server.stdout(), /^\s*email:\s+admin@norrsken\.example$/m);
    assert.match(server.stdout(), /^\s*password:\s+\S{20,}$/m);
    const res = await fetch(`${server.url}/readyz`);
    assert.equal(res.status, 200);
    const second = await runTillit(['migrate'], envA);
    if (testDatabaseKind === 'pglite') {
      assert.equal(second.code, 1);
      assert.match(second.stderr, /already open in another Tillit process/);
    } else {
      assert.equal(second.code, 0, `PostgreSQL serves several processes: ${second.stderr}`);
    }
    await server.stop();
    const restarted = await startServer(envA);
    try {
      assert.doesNotMatch(
        restarted.stdout(),
        /password:/,
        'the one-time password is printed on the first start only',
      );
      const org = await fetch(`${restarted.url}/api/organization`);
      assert.equal(org.status, 401, 'the restarted server answers and still requires sign-in');
    } finally {
      await restarted.stop();
    }
  });

  test('user create, reset-password and token create', async () => {
    const created = await runTillit(
      ['user', 'create', '--email', 'ops@norrsken.example', '--name', 'Ops', '--role', 'contributor'],
      envA,
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /password: \S{20,}/);
    const bad = await runTillit(
      ['user', 'create', '--email', 'x@norrsken.example', '--name', 'X', '--role', 'root'],
      envA,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Unknown role root/);
    const reset = await runTillit(
      ['user', 'reset-password', '--email', 'ops@norrsken.example', '--password-stdin'],
      envA,
      'a brand new passphrase\n',
    );
    assert.equal(reset.code, 0, reset.stderr);
    assert.doesNotMatch(reset.stdout, /password:/);
    const token = await runTillit(
      [
        'token',
        'create',
        '--email',
        'ops@norrsken.example',
        '--name',
        'ci',
        '--scopes',
        'organization.read',
        '--days',
        '7',
      ],
      envA,
    );
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stdout, /^tlt_\S+$/m);
  });

  test('checkpoint, verify, backup and restore into an empty database with a verifying log', async () => {
    const cpFile = path.join(a, 'outside-checkpoint.txt');
    const cp = await runTillit(['audit', 'checkpoint', '--out', cpFile], envA);
    assert.equal(cp.code, 0, cp.stderr);
    assert.match(readFileSync(cpFile, 'utf8'), /^tillit\/audit\/[0-9a-f-]{36}\n\d+\n/);
    const verify = await runTillit(['audit', 'verify', '--checkpoint', cpFile], envA);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /OK: the audit log is intact/);
    const treeSize = Number(/tree size: (\d+)/.exec(verify.stdout)?.[1]);

    const backupFile = path.join(a, 'backup.ndjson.gz');
    const backup = await runTillit(['backup', '--out', backupFile], envA);
    assert.equal(backup.code, 0, backup.stderr);

    const restore = await runTillit(['restore', '--in', backupFile], envB);
    assert.equal(restore.code, 0, restore.stdout + restore.stderr);
    assert.match(restore.stdout, /audit logs verify/);
    const verifyB = await runTillit(
      ['audit', 'verify', '--checkpoint', cpFile, '--public-key', path.join(a, 'audit-signing-key.pem')],
      envB,
    );
    assert.equal(verifyB.code, 0, verifyB.stdout + verifyB.stderr);
    assert.deepEqual(await tableDump(instanceB, treeSize), await tableDump(instanceA, treeSize));

    const again = await runTillit(['restore', '--in', backupFile], envA);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already holds data/);
  });

  test('a damaged backup is refused and leaves the target database empty', async () => {
    const backupFile = path.join(a, 'backup.ndjson.gz');
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
    const truncated = path.join(a, 'truncated.ndjson.gz');
    writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const altered = path.join(a, 'altered.ndjson.gz');
    writeFileSync(altered, gzipSync(lines.join('\n').replace('Norrsken Cloud AB', 'Evil Cloud AB')));
    const notBackup = path.join(a, 'not-a-backup.gz');
    writeFileSync(notBackup, gzipSync('{"hello":"world"}\n'));
    for (const [file, message] of [
      [truncated, /truncated/],
      [altered, /Checksum mismatch/],
      [notBackup, /not a Tillit backup header/],
    ] as const) {
      const c = await createTestInstance('cli-c');
      damagedTargets.push(c);
      const res = await runTillit(['restore', '--in', file], c.env);
      assert.equal(res.code, 1, res.stdout);
      assert.match(res.stderr, message);
      const handle = await c.open();
      const orgs = await handle.db.selectFrom('organizations').select('id').execute();
      const events = await handle.db.selectFrom('audit_events').select('seq').execute();
      await handle.close();
      assert.equal(orgs.length + events.length, 0, 'nothing was half-written');
    }
  });

  test('verify exits 1 and names the problem after tampering', async () => {
    const handle = await instanceB.open();
    await sql`UPDATE audit_events SET data = '{"name":"tampered"}' WHERE seq = 3`.execute(handle.db);
    await handle.close();
    const res = await runTillit(['audit', 'verify'], envB);
    assert.equal(res.code, 1);
    assert.match(res.stdout, /PROBLEM: event 3 .*content was changed/);
  });
});
