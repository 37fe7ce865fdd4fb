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
import { listActivities } from '../modules/activities/activities.service.js';

describe('the demo recurring activities', () => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-demo-activities-'));

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

  test('Norrsken has restore tests, a fire-safety round per data centre, the DR test and access reviews', async () => {
    const page = await listActivities(ctx, { page: 1, pageSize: 50 });
    assert.deepEqual(page.items.map((a) => a.title).sort(), [
      'Fire-safety round OSL1',
      'Fire-safety round STO1',
      'Fire-safety round STO2',
      'Quarterly access review',
      'Quarterly restore test',
      'Yearly DR test',
    ]);
    for (const a of page.items) {
      assert.ok(a.nextOccurrence, `${a.title} has a next occurrence`);
      assert.equal(a.controls.length, 1, `${a.title} proves one control`);
      assert.ok(a.evidenceRequired);
    }
  });
});
