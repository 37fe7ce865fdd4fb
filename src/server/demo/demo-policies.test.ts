import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';
import { listCampaigns } from '../modules/policies/campaigns.service.js';
import { listPolicies } from '../modules/policies/policies.service.js';
import { diffVersions } from '../modules/policies/versions.service.js';

describe('the demo policies', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('policies');
  });
  after(() => demo.close());

  test('three published documents, approved by someone other than their author', async () => {
    const page = await listPolicies(demo.ctx, { page: 1, pageSize: 50 });
    assert.deepEqual(
      page.items.map((p) => [p.title, p.publishedNumber, p.openStatus]),
      [
        ['Business continuity plan', 1, null],
        ['Disaster recovery plan', 1, 'in-review'],
        ['Information security policy', 1, null],
      ],
    );
    const versions = await demo.handle.db
      .selectFrom('policy_versions')
      .select(['author_id', 'approver_id', 'status'])
      .where('status', '=', 'published')
      .execute();
    assert.equal(versions.length, 3);
    for (const v of versions) assert.ok(v.approver_id && v.author_id && v.approver_id !== v.author_id);
  });

  test('everyone is asked to accept the information security policy; the DR plan revision has a diff', async () => {
    const page = await listPolicies(demo.ctx, { page: 1, pageSize: 50, q: 'security' });
    const infosec = page.items[0];
    assert.ok(infosec);
    const campaigns = await listCampaigns(demo.ctx, infosec.id, { page: 1, pageSize: 10 });
    const active = await demo.handle.db
      .selectFrom('users')
      .select('id')
      .where('status', '=', 'active')
      .execute();
    assert.deepEqual(
      campaigns.items.map((c) => [c.targeted, c.acknowledged]),
      [[active.length, 0]],
    );
    const dr = (await listPolicies(demo.ctx, { page: 1, pageSize: 50, q: 'Disaster' })).items[0];
    assert.ok(dr);
    const diff = await diffVersions(demo.ctx, dr.id, 1, 2);
    assert.equal(diff.added, 2);
    assert.ok(diff.hunks.some((h) => h.lines.some((l) => l.kind === 'added' && l.text.includes('2 hours'))));
  });
});
