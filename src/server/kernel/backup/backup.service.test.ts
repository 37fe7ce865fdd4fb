import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { backupTables, tablesNotBackedUp } from '../../modules/index.js';
import { verifyOrganizationAuditLog } from '../audit/audit-checkpoints.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { composeModules, defineModule } from '../module.js';
import { inRestoreOrder, RestoreError, restoreBackup, writeBackup } from './backup.service.js';

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line;
}

async function dump(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of backupTables) {
    const rows = await sql<{
      j: string;
    }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(t.name)} x ORDER BY ${sql.raw(t.orderBy)}`.execute(
      db,
    );
    out[t.name] = rows.rows.map((r) => r.j);
  }
  return out;
}

describe('backup and restore', () => {
  let source: TestApp;
  let archive = '';
  const targets: DatabaseHandle[] = [];
  const emptyTarget = async () => {
    const h = await createTestDatabase();
    targets.push(h);
    return h;
  };

  before(async () => {
    source = await startTestApp();
    const lines: string[] = [];
    await writeBackup(
      source.handle.db,
      backupTables,
      source.keyring.signing.publicKeyPem,
      (l) => void lines.push(l),
    );
    archive = lines.join('');
  });
  after(async () => {
    await Promise.all(targets.map((t) => t.close()));
    await source.close();
  });

  test('every table is either backed up or deliberately left out', async () => {
    const rows = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(
      source.handle.db,
    );
    const known = new Set([...backupTables.map((t) => t.name), ...tablesNotBackedUp]);
    for (const { table_name } of rows.rows)
      assert.ok(known.has(table_name), `table ${table_name} is neither backed up nor excluded`);
  });

  test('tables go in foreign-key order whatever order the modules declare them in', async () => {
    const reversed = [...backupTables].reverse();
    const ordered = (await inRestoreOrder(source.handle.db, reversed)).map((t) => t.name);
    assert.equal(ordered.length, backupTables.length);
    const before = (a: string, b: string) => ordered.indexOf(a) < ordered.indexOf(b);
    assert.ok(before('organizations', 'users'));
    assert.ok(
      before('frameworks', 'auditor_framework_scopes'),
      'users declares a table that needs frameworks',
    );
    assert.ok(before('questionnaires', 'questionnaire_items'));
  });

  test('a conflict after the first line is out fails the backup instead of writing lines twice', async () => {
    let lines = 0;
    await assert.rejects(
      writeBackup(source.handle.db, backupTables, source.keyring.signing.publicKeyPem, () => {
        lines++;
        if (lines === 2) throw Object.assign(new Error('simulated deadlock'), { code: '40P01' });
      }),
      /interrupted the backup half-way/,
    );
    assert.equal(lines, 2, 'not rerun from the start');
  });

  test('a table declared by two modules stops the composition', () => {
    const a = defineModule({ name: 'a', tables: [{ name: 'risks', orderBy: 'id' }] });
    const b = defineModule({ name: 'b', tablesNotBackedUp: { risks: 'no reason' } });
    assert.throws(() => composeModules([a, b]), /table risks is declared by both a and b/);
  });

  test('a restore reproduces every row exactly and the audit log verifies', async () => {
    const target = await emptyTarget();
    const { rows } = await restoreBackup(target.db, backupTables, () => linesOf(archive));
    assert.ok(rows > 20);
    assert.deepEqual(await dump(target.db), await dump(source.handle.db));
    const ctx = { db: target.db, organizationId: source.organizationId, actor: source.systemContext().actor };
    const v = await verifyOrganizationAuditLog(ctx, {
      trustedPublicKeys: [source.keyring.signing.publicKeyPem],
    });
    assert.equal(v.ok, true, v.problems.join('; '));
    assert.ok(v.checkpointsVerified >= 1);
    await assert.rejects(
      restoreBackup(target.db, backupTables, () => linesOf(archive)),
      (e: Error) => e instanceof RestoreError && /already holds data/.test(e.message),
    );
  });

  test('a damaged archive is refused and the target stays empty', async () => {
    const lines = archive.split('\n');
    const damaged: [string, RegExp][] = [
      [lines.slice(0, -3).join('\n'), /truncated/],
      [archive.replace('Norrsken Cloud AB', 'Norrsken Cloud AC'), /Checksum mismatch/],
      [archive.replace('"t":"users"', '"t":"passwords"'), /unknown or out of order/],
      [`{"format":"tillit-backup","version":2}\n${lines.slice(1).join('\n')}`, /not a Tillit backup header/],
      ['', /empty/],
      [
        archive.replace(/"migration":"[^"]+"/, '"migration":"20990101_0001_future"'),
        /schema 20990101_0001_future/,
      ],
    ];
    for (const [text, message] of damaged) {
      const target = await emptyTarget();
      await assert.rejects(
        restoreBackup(target.db, backupTables, () => linesOf(text)),
        message,
      );
      const counts = await Promise.all(
        backupTables.map((t) =>
          sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t.name)}`.execute(target.db),
        ),
      );
      assert.deepEqual(
        counts.map((c) => c.rows[0]?.n),
        backupTables.map(() => 0),
        `nothing half-written for ${message}`,
      );
    }
  });
});
