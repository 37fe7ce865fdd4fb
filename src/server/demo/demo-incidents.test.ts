import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';

describe('the demo incidents, outages and availability', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('incidents');
  });
  after(() => demo.close());

  test('two closed incidents: the STO2 outage with its NIS2 reports submitted, the breach judged not notifiable', async () => {
    const incidents = await demo.ctx.db
      .selectFrom('incidents')
      .select(['id', 'title', 'status', 'significant', 'published', 'triage'])
      .orderBy('aware_at')
      .execute();
    assert.deepEqual(
      incidents.map((i) => [i.title, i.status, i.significant, i.published]),
      [
        ['Power loss in STO2 took Compute and Object Storage down', 'closed', true, true],
        ['Support laptop stolen from a car', 'closed', false, false],
      ],
    );
    const reports = await demo.ctx.db
      .selectFrom('incident_reports')
      .select(['type', 'status', 'submission_reference'])
      .where('incident_id', '=', incidents[0]?.id ?? '')
      .orderBy('type')
      .execute();
    assert.deepEqual(
      reports.map((r) => [r.type, r.status]),
      [
        ['nis2-early-warning', 'submitted'],
        ['nis2-final', 'submitted'],
        ['nis2-notification', 'submitted'],
        ['no-nsm-notice', 'submitted'],
      ],
    );
    assert.match(incidents[1]?.triage?.reasoning ?? '', /not notified/);
  });

  test('a year of outages behind the availability figures and one maintenance in progress', async () => {
    const span = await sql<{ first: Date; n: number }>`
      SELECT min(started_at) AS first, count(*)::int AS n FROM outages`.execute(demo.ctx.db);
    const row = span.rows[0];
    assert.ok(row && row.n > 30);
    assert.ok(Date.now() - new Date(row.first).getTime() > 330 * 86_400_000);
    const open = await sql<{ title: string }>`
      SELECT title FROM outages WHERE planned AND started_at <= now() AND ended_at > now()`.execute(
      demo.ctx.db,
    );
    assert.deepEqual(
      open.rows.map((r) => r.title),
      ['Storage firmware upgrade in OSL1'],
    );
  });
});
