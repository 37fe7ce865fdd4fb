import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';
import { listAudits } from '../modules/audits/audits.service.js';
import { listFindings } from '../modules/audits/findings.service.js';
import { getNonconformity } from '../modules/nonconformities/nonconformities.service.js';

describe('the demo audit', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('audits');
  });
  after(() => demo.close());

  test("last quarter's completed internal audit with an observation and a closed minor nonconformity", async () => {
    const audits = await listAudits(demo.ctx, { page: 1, pageSize: 10 });
    assert.equal(audits.total, 1);
    const [audit] = audits.items;
    assert.ok(audit);
    assert.equal(audit.type, 'internal');
    assert.equal(audit.status, 'completed');
    const now = new Date();
    const thisQuarter = `${now.getUTCFullYear()}-${String(Math.floor(now.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
    assert.ok(audit.plannedEnd < thisQuarter, `${audit.plannedEnd} lies before this quarter`);
    const findings = await listFindings(demo.ctx, audit.id, { page: 1, pageSize: 10 });
    assert.deepEqual(findings.items.map((f) => f.type).sort(), ['minor-nc', 'observation']);
    const ncId = findings.items.find((f) => f.type === 'minor-nc')?.nonconformityId;
    assert.ok(ncId);
    const nc = await getNonconformity(demo.ctx, ncId);
    assert.equal(nc.status, 'closed');
    assert.equal(nc.severity, 'minor');
    assert.equal(nc.verifications[0]?.result, 'effective');
    assert.notEqual(nc.verifications[0]?.verifiedById, nc.actions[0]?.ownerId);
  });
});
