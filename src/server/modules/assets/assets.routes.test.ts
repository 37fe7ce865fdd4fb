import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Asset } from '../../../contracts/assets.js';
import type { Organization } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('assets', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let org: Organization;
  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    org = await manager.expect<Organization>(200, 'GET', '/api/organization');
  });
  after(() => t.close());

  const list = async (q = '') =>
    (await manager.expect<Page<Asset>>(200, 'GET', `/api/assets${q}`)).items.map((a) => a.name);

  test('an asset carries owner, classification, location and service, and is filtered by them', async () => {
    const sto1 = org.locations.find((l) => l.code === 'STO1');
    const compute = org.services.find((s) => s.name === 'Compute');
    assert.ok(sto1 && compute);
    const created = await manager.expect<Asset>(201, 'POST', '/api/assets', {
      name: 'Hypervisor fleet STO1',
      type: 'hardware',
      classification: 'restricted',
      ownerId: t.users.contributor.id,
      locationId: sto1.id,
      serviceId: compute.id,
    });
    assert.deepEqual(created.location, { id: sto1.id, code: 'STO1', name: sto1.name });
    assert.deepEqual(created.owner, { id: t.users.contributor.id, name: 'Test contributor' });
    assert.equal(created.service?.name, 'Compute');
    assert.equal(created.riskCount, 0);
    await manager.expect(201, 'POST', '/api/assets', { name: 'Customer contracts', type: 'information' });
    assert.deepEqual(await list(), ['Customer contracts', 'Hypervisor fleet STO1']);
    assert.deepEqual(await list(`?locationId=${sto1.id}`), ['Hypervisor fleet STO1']);
    assert.deepEqual(await list('?classification=internal'), ['Customer contracts']);
    assert.deepEqual(await list('?type=hardware&q=fleet'), ['Hypervisor fleet STO1']);
    const changed = await manager.expect<Asset>(200, 'PATCH', `/api/assets/${created.id}`, {
      classification: 'confidential',
    });
    assert.equal(changed.classification, 'confidential');
    assert.deepEqual(
      (await auditActions(t)).filter((a) => a.startsWith('asset.')),
      ['asset.created', 'asset.created', 'asset.updated'],
    );
  });

  test('bad input is refused with a clear message and nothing is written', async () => {
    const before = (await list()).length;
    const expect400 = async (body: object, pattern: RegExp) => {
      const res = await manager.call('POST', '/api/assets', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, pattern);
    };
    await expect400({ name: 'x', type: 'information', ownerId: UNKNOWN }, /Unknown owner/);
    await expect400({ name: 'x', type: 'information', locationId: UNKNOWN }, /Unknown location/);
    await expect400({ name: 'x', type: 'information', serviceId: UNKNOWN }, /Unknown service/);
    await expect400({ name: 'x', type: 'vehicle' }, /type/);
    await expect400({ name: 'x', type: 'information', classification: 'secret' }, /classification/);
    const duplicate = await manager.call('POST', '/api/assets', {
      name: 'Customer contracts',
      type: 'information',
    });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.json().error.message, /already exists/);
    assert.equal((await list()).length, before);
  });

  test('an asset a risk names cannot be deleted; others can', async () => {
    const [contracts] = (await manager.expect<Page<Asset>>(200, 'GET', '/api/assets?q=contracts')).items;
    assert.ok(contracts);
    const risk = await manager.expect<{ id: string }>(201, 'POST', '/api/risks', {
      title: 'Contracts leak',
      inherentLikelihood: 2,
      inherentImpact: 3,
      assetIds: [contracts.id],
    });
    const refused = await manager.call('DELETE', `/api/assets/${contracts.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /named by 1 risk/);
    await manager.expect(204, 'DELETE', `/api/risks/${risk.id}`);
    await manager.expect(204, 'DELETE', `/api/assets/${contracts.id}`);
    assert.deepEqual(await list(), ['Hypervisor fleet STO1']);
    const viewer = apiClient(t, await t.signIn('viewer'));
    assert.equal((await viewer.call('POST', '/api/assets', { name: 'v', type: 'site' })).statusCode, 403);
  });
});
