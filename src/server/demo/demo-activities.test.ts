import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';
import { listActivities } from '../modules/activities/activities.service.js';

describe('the demo recurring activities', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('activities');
  });
  after(() => demo.close());

  test('Norrsken has restore tests, a fire-safety round per data centre, the DR test and access reviews', async () => {
    const page = await listActivities(demo.ctx, { page: 1, pageSize: 50 });
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
