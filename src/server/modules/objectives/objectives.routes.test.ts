import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Measurement, Objective } from '../../../contracts/objectives.js';
import type { Page } from '../../../contracts/paging.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('objectives', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  const objective = (extra: Record<string, unknown> = {}) => ({
    title: 'Fewer failed changes',
    ownerId: t.users.contributor.id,
    area: 'quality',
    dueDate: '2027-06-30',
    kpis: [{ name: 'Failed changes', unit: '%', direction: 'lower-is-better', target: 5, threshold: 10 }],
    ...extra,
  });

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    contributor = apiClient(t, await t.signIn('contributor'));
    viewer = apiClient(t, await t.signIn('viewer'));
  });
  after(() => t.close());

  test('status follows the latest measurement in the KPI direction, with the threshold as at risk', async () => {
    const created = await manager.expect<Objective>(201, 'POST', '/api/objectives', objective());
    const kpi = created.kpis[0];
    assert.ok(kpi);
    assert.equal(kpi.status, 'no-data');
    const at = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const measure = (value: number, hoursAgo: number) =>
      contributor.expect<Objective>(201, 'POST', `/api/kpis/${kpi.id}/measurements`, {
        value,
        measuredAt: at(hoursAgo),
      });
    assert.equal((await measure(12, 48)).kpis[0]?.status, 'off-track');
    assert.equal((await measure(7, 24)).kpis[0]?.status, 'at-risk');
    // An older measurement recorded later does not replace the latest one.
    const late = await measure(20, 72);
    assert.deepEqual([late.kpis[0]?.latest?.value, late.kpis[0]?.status], [7, 'at-risk']);
    assert.equal((await measure(4, 1)).kpis[0]?.status, 'on-track');
    const history = await viewer.expect<Page<Measurement>>(200, 'GET', `/api/kpis/${kpi.id}/measurements`);
    assert.deepEqual(
      history.items.map((m) => m.value),
      [4, 7, 12, 20],
    );
    const withKpi = await manager.expect<Objective>(201, 'POST', `/api/objectives/${created.id}/kpis`, {
      name: 'Change lead time',
      unit: 'h',
      direction: 'lower-is-better',
      target: 24,
    });
    assert.deepEqual(
      withKpi.kpis.map((k) => k.name),
      ['Failed changes', 'Change lead time'],
    );
    const list = await viewer.expect<Page<Objective>>(200, 'GET', '/api/objectives?area=quality');
    assert.equal(list.total, 1);
    assert.equal(
      (await viewer.expect<Page<Objective>>(200, 'GET', '/api/objectives?area=environment')).total,
      0,
    );
    const actions = await auditActions(t);
    for (const a of ['objective.created', 'objective.measured', 'objective.kpi-added'])
      assert.ok(actions.includes(a), a);
  });

  test('bad input is refused with a message naming the problem and nothing is written', async () => {
    const count = async () => (await t.handle.db.selectFrom('objectives').select('id').execute()).length;
    const before = await count();
    const refused = async (body: unknown, pattern: RegExp) => {
      const res = await manager.call('POST', '/api/objectives', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, pattern);
    };
    await refused(objective({ ownerId: UNKNOWN }), /Unknown owner/);
    await refused(objective({ kpis: [{ name: 'x', direction: 'higher-is-better' }] }), /target/);
    await refused(objective({ area: 'marketing' }), /area/);
    await refused(
      objective({
        kpis: [{ name: 'Uptime', direction: 'higher-is-better', target: 99.9, threshold: 99.95 }],
      }),
      /threshold of \\"Uptime\\" \(99.95\) must be below its target/,
    );
    assert.equal(await count(), before);
    const [existing] = (await viewer.expect<Page<Objective>>(200, 'GET', '/api/objectives')).items;
    const kpiId = existing?.kpis[0]?.id;
    const future = await contributor.call('POST', `/api/kpis/${kpiId}/measurements`, {
      value: 1,
      measuredAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.json().error.message, /is in the future/);
    await manager.expect(404, 'POST', `/api/kpis/${UNKNOWN}/measurements`, {
      value: 1,
      measuredAt: new Date().toISOString(),
    });
    await viewer.expect(403, 'POST', '/api/objectives', objective());
    const other = await manager.expect<Objective>(
      201,
      'POST',
      '/api/objectives',
      objective({ ownerId: t.users.admin.id }),
    );
    const notMine = await contributor.call('POST', `/api/kpis/${other.kpis[0]?.id}/measurements`, {
      value: 1,
      measuredAt: new Date().toISOString(),
    });
    assert.equal(notMine.statusCode, 403);
    assert.match(notMine.json().error.message, /Only the owner/);
  });
});
