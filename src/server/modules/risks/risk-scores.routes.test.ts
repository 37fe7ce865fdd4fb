import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Page } from '../../../contracts/paging.js';
import type { RiskDetail, RiskSummary } from '../../../contracts/risks.js';

describe('risk scores: validation of both residual values, and the register filtered to one heatmap cell', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
  });
  after(() => t.close());

  test('a residual likelihood AND a residual impact above the inherent ones are both named', async () => {
    const body = {
      title: 'Both residual values too high',
      inherentLikelihood: 2,
      inherentImpact: 2,
      residualLikelihood: 3,
      residualImpact: 4,
    };
    const res = await manager.call('POST', '/api/risks', body);
    assert.equal(res.statusCode, 400, res.body);
    const error = res.json().error;
    assert.match(error.message, /residual likelihood and impact cannot exceed/);
    assert.deepEqual(
      error.details.map((d: { path: string }) => d.path),
      ['residualLikelihood', 'residualImpact'],
    );
    const risk = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      ...body,
      residualLikelihood: 2,
      residualImpact: 1,
    });
    const patch = await manager.call('PATCH', `/api/risks/${risk.id}`, { residualImpact: 3 });
    assert.equal(patch.statusCode, 400, patch.body);
    assert.deepEqual(
      patch.json().error.details.map((d: { path: string }) => d.path),
      ['residualImpact'],
    );
  });

  test('inherent=L-I and residual=L-I list the open risks of that heatmap cell', async () => {
    const create = (title: string, scores: number[], status = 'open') =>
      manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
        title,
        inherentLikelihood: scores[0],
        inherentImpact: scores[1],
        residualLikelihood: scores[2],
        residualImpact: scores[3],
        status,
      });
    await create('Cell flood in STO1', [4, 5, 2, 3]);
    await create('Cell fire in STO2', [4, 5, 1, 1]);
    await create('Cell closed one', [4, 5, 2, 3], 'closed');
    await create('Cell elsewhere', [3, 5, 2, 3]);
    const titles = async (url: string) =>
      (await manager.expect<Page<RiskSummary>>(200, 'GET', url)).items.map((r) => r.title).sort();
    assert.deepEqual(await titles('/api/risks?q=Cell&inherent=4-5'), [
      'Cell fire in STO2',
      'Cell flood in STO1',
    ]);
    assert.deepEqual(await titles('/api/risks?q=Cell&residual=2-3'), [
      'Cell elsewhere',
      'Cell flood in STO1',
    ]);
    assert.deepEqual(await titles('/api/risks?q=Cell&inherent=4-5&residual=2-3'), ['Cell flood in STO1']);
    const bad = await manager.call('GET', '/api/risks?inherent=9');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /likelihood-impact/);
  });
});
