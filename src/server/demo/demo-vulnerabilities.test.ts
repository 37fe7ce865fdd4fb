import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';

describe('the demo vulnerability scans', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('vulnerabilities');
  });
  after(() => demo.close());

  test('a month of weekly scans of the four services’ images and hosts, each target mapped to its asset', async () => {
    const db = demo.ctx.db;
    const scans = await db.selectFrom('vulnerability_scans').select(['scanned_at']).execute();
    assert.equal(scans.length, 40);
    assert.equal(new Set(scans.map((s) => s.scanned_at.toISOString().slice(0, 10))).size, 5);
    const targets = await db
      .selectFrom('vulnerability_targets as t')
      .innerJoin('assets as a', 'a.id', 't.asset_id')
      .select(['t.name', 'a.name as asset', 'a.service_id'])
      .execute();
    assert.equal(targets.length, 8);
    assert.ok(targets.every((t) => t.service_id !== null));
    const evidence = await db
      .selectFrom('evidence')
      .select('title')
      .where('title', 'like', 'Vulnerability scan:%')
      .execute();
    assert.equal(evidence.length, 40);
  });

  test('a few overdue highs, no overdue critical, fixed criticals, and one accepted risk', async () => {
    const db = demo.ctx.db;
    const today = new Date().toISOString().slice(0, 10);
    const active = await db
      .selectFrom('vulnerability_findings')
      .select(['primary_id', 'severity', 'state', 'risk_id', 'accepted_by'])
      .select((eb) => eb('fix_by', '<', new Date(today)).as('overdue'))
      .execute();
    const overdue = active.filter((f) => f.overdue && ['open', 'in_progress'].includes(f.state));
    assert.deepEqual([...new Set(overdue.map((f) => `${f.primary_id} ${f.severity}`))].sort(), [
      'CVE-2023-4911 high',
      'CVE-2024-6387 high',
    ]);
    assert.equal(overdue.length, 3);
    const critical = active.filter((f) => f.severity === 'critical');
    assert.ok(critical.length >= 3 && critical.every((f) => f.state === 'fixed'));
    const accepted = active.filter((f) => f.state === 'accepted');
    assert.equal(accepted.length, 1);
    assert.equal(accepted[0]?.primary_id, 'CVE-2023-44487');
    assert.ok(accepted[0]?.risk_id && accepted[0].accepted_by);
  });
});
