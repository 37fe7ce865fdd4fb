import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { bootstrapIfEmpty } from '../bootstrap.js';
import { loadKeyring } from '../kernel/audit/signing-key.js';
import { type ServiceContext, systemActor } from '../kernel/context.js';
import type { DatabaseHandle } from '../kernel/db/database.js';
import { listAudits } from '../modules/audits/audits.service.js';
import { listFindings } from '../modules/audits/findings.service.js';
import { getNonconformity } from '../modules/nonconformities/nonconformities.service.js';

describe('the demo audit', () => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-demo-audits-'));

  before(async () => {
    handle = await createTestDatabase();
    const first = await bootstrapIfEmpty(handle.db, loadKeyring(path.join(dir, 'key.pem')), { demo: true });
    assert.ok(first);
    ctx = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
  });
  after(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("last quarter's completed internal audit with an observation and a closed minor nonconformity", async () => {
    const audits = await listAudits(ctx, { page: 1, pageSize: 10 });
    assert.equal(audits.total, 1);
    const [audit] = audits.items;
    assert.ok(audit);
    assert.equal(audit.type, 'internal');
    assert.equal(audit.status, 'completed');
    const now = new Date();
    const thisQuarter = `${now.getUTCFullYear()}-${String(Math.floor(now.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
    assert.ok(audit.plannedEnd < thisQuarter, `${audit.plannedEnd} lies before this quarter`);
    const findings = await listFindings(ctx, audit.id, { page: 1, pageSize: 10 });
    assert.deepEqual(findings.items.map((f) => f.type).sort(), ['minor-nc', 'observation']);
    const ncId = findings.items.find((f) => f.type === 'minor-nc')?.nonconformityId;
    assert.ok(ncId);
    const nc = await getNonconformity(ctx, ncId);
    assert.equal(nc.status, 'closed');
    assert.equal(nc.severity, 'minor');
    assert.equal(nc.verifications[0]?.result, 'effective');
    assert.notEqual(nc.verifications[0]?.verifiedById, nc.actions[0]?.ownerId);
  });
});
