import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { restoreBackup, writeBackup } from '../../kernel/backup/backup.service.js';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { backupTables } from '../index.js';

const tables = ['assets', 'risk_matrices', 'risks', 'risk_assets', 'risk_controls'] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let source: TestApp;
let target: DatabaseHandle;
before(async () => {
  source = await startTestApp();
  target = await createTestDatabase();
});
after(async () => {
  await target.close();
  await source.close();
});

async function rowsOf(handle: Pick<DatabaseHandle, 'db'>, table: string): Promise<string[]> {
  const result = await sql<{ j: string }>`
    SELECT row_to_json(x)::text AS j FROM ${sql.table(table)} x ORDER BY row_to_json(x)::text`.execute(
    handle.db,
  );
  return result.rows.map((r) => r.j);
}

test('assets, the matrix, risks with dates and their links survive a backup and restore exactly', async () => {
  const manager = apiClient(source, await source.signIn('compliance-manager'));
  const control = await manager.expect<{ id: string }>(201, 'POST', '/api/controls', {
    title: 'Fire suppression',
  });
  const asset = await manager.expect<{ id: string }>(201, 'POST', '/api/assets', {
    name: 'Data hall A',
    type: 'site',
  });
  await manager.expect(200, 'PUT', '/api/risk-matrix', {
    likelihoodLabels: ['Sällan', 'Ibland', 'Ofta', 'Nästan säkert'],
    impactLabels: ['Liten', 'Måttlig', 'Stor', 'Allvarlig'],
    bands: { medium: 4, high: 8, critical: 12 },
  });
  await manager.expect(201, 'POST', '/api/risks', {
    title: 'Fire in data hall A',
    inherentLikelihood: 2,
    inherentImpact: 4,
    assetIds: [asset.id],
    treatment: 'mitigate',
    controlIds: [control.id],
    reviewDate: day(30),
  });
  await manager.expect(201, 'POST', '/api/risks', {
    title: 'Long power outage',
    inherentLikelihood: 1,
    inherentImpact: 4,
    treatment: 'accept',
    acceptanceApproverId: source.users['compliance-manager'].id,
    acceptanceExpiresOn: day(90),
    status: 'accepted',
  });
  const lines: string[] = [];
  await writeBackup(
    source.handle.db,
    backupTables,
    source.keyring.signing.publicKeyPem,
    (l) => void lines.push(l),
  );
  await restoreBackup(target.db, backupTables, async function* () {
    for (const line of lines.join('').split('\n')) yield line;
  });
  for (const table of tables) {
    const rows = await rowsOf(source.handle, table);
    assert.ok(rows.length > 0, `${table} has rows to restore`);
    assert.deepEqual(await rowsOf(target, table), rows, table);
  }
});
