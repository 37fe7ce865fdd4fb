import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { ControlDetail, ControlSummary } from '../../../contracts/controls.js';
import type { Framework, RequirementDetail, RequirementSummary } from '../../../contracts/frameworks.js';
import type { Organization } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';

describe('controls', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let requirement: (ref: string) => Promise<RequirementSummary>;
  let org: Organization;

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    contributor = apiClient(t, await t.signIn('contributor'));
    const iso = await manager.expect<Framework>(201, 'POST', '/api/frameworks/builtin', {
      key: 'iso27001-2022',
    });
    const all = await manager.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/requirements?pageSize=1000`,
    );
    requirement = async (ref) => {
      const hit = all.items.find((r) => r.ref === ref);
      assert.ok(hit, ref);
      return hit;
    };
    org = await manager.expect<Organization>(200, 'GET', '/api/organization');
  });
  after(() => t.close());

  test('a control gets the next reference, is mapped to requirements and shows on them', async () => {
    const a88 = await requirement('A.8.8');
    const created = await manager.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Vulnerability management',
      implementation: 'Weekly scans of every host.\n\n- Critical findings fixed within **7 days**',
      ownerId: t.users.contributor.id,
      requirementIds: [a88.id],
    });
    assert.equal(created.ref, 'CTL-001');
    assert.equal(created.serviceId, null);
    assert.equal(created.evidenceState, 'missing');
    assert.equal(created.failing, false);
    assert.match(created.implementationHtml, /<strong>7 days<\/strong>/);
    assert.deepEqual(
      created.requirements.map((r) => `${r.frameworkKey} ${r.ref}`),
      ['iso27001-2022 A.8.8'],
    );
    const second = await manager.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Asset inventory',
    });
    assert.equal(second.ref, 'CTL-002');
    const detail = await manager.expect<RequirementDetail>(200, 'GET', `/api/requirements/${a88.id}`);
    assert.deepEqual(
      detail.controls.map((c) => c.ref),
      ['CTL-001'],
    );
    const actions = await auditActions(t);
    assert.ok(actions.includes('control.created') && actions.includes('control.requirements-mapped'));
  });

  test('Markdown in the implementation statement cannot inject script', async () => {
    const created = await manager.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Hostile statement',
      implementation: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    });
    assert.doesNotMatch(created.implementationHtml, /<script|<img|href="javascript/i);
    await manager.expect(204, 'DELETE', `/api/controls/${created.id}`);
  });

  test('bad input is refused with a message that names the problem, and nothing is written', async () => {
    const count = async () => (await manager.expect<Page<ControlSummary>>(200, 'GET', '/api/controls')).total;
    const before = await count();
    const unknownOwner = await manager.call('POST', '/api/controls', {
      title: 'x',
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(unknownOwner.statusCode, 400);
    assert.match(unknownOwner.json().error.message, /Unknown owner/);
    const unknownRequirement = await manager.call('POST', '/api/controls', {
      title: 'x',
      requirementIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknownRequirement.statusCode, 400);
    assert.match(unknownRequirement.json().error.message, /Unknown requirement/);
    const duplicate = await manager.call('POST', '/api/controls', { ref: 'CTL-001', title: 'Copy' });
    assert.equal(duplicate.statusCode, 409);
    const badStatus = await manager.call('POST', '/api/controls', { title: 'x', status: 'done' });
    assert.equal(badStatus.statusCode, 400);
    assert.equal(await count(), before);
  });

  test('owners edit their own controls; others need controls.manage; reassigning needs it too', async () => {
    const list = await manager.expect<Page<ControlSummary>>(200, 'GET', '/api/controls?q=Vulnerability');
    const own = list.items[0];
    assert.ok(own);
    const edited = await contributor.expect<ControlDetail>(200, 'PATCH', `/api/controls/${own.id}`, {
      status: 'in-progress',
    });
    assert.equal(edited.status, 'in-progress');
    const unchanged = await contributor.call('PATCH', `/api/controls/${own.id}`, {
      ownerId: t.users.contributor.id,
      title: own.title,
    });
    assert.equal(unchanged.statusCode, 200, 'sending the unchanged owner back is not a reassignment');
    const reassign = await contributor.call('PATCH', `/api/controls/${own.id}`, { ownerId: null });
    assert.equal(reassign.statusCode, 403);
    const other = (await manager.expect<Page<ControlSummary>>(200, 'GET', '/api/controls?q=Asset')).items[0];
    const notOwner = await contributor.call('PATCH', `/api/controls/${other?.id}`, { status: 'implemented' });
    assert.equal(notOwner.statusCode, 403);
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'control.updated')
      .execute();
    assert.deepEqual(events.at(-1)?.data, {
      ref: 'CTL-001',
      changes: { status: { from: 'not-started', to: 'in-progress' } },
    });
  });

  test('service-scoped controls: filters, the per-service view, and a service with controls cannot be deleted', async () => {
    const compute = org.services.find((s) => s.name === 'Compute');
    const storage = org.services.find((s) => s.name === 'Object Storage');
    assert.ok(compute && storage);
    await manager.expect(201, 'POST', '/api/controls', {
      title: 'Hypervisor hardening',
      serviceId: compute.id,
    });
    await manager.expect(201, 'POST', '/api/controls', { title: 'Bucket policies', serviceId: storage.id });
    const refs = async (query: string) =>
      (await manager.expect<Page<ControlSummary>>(200, 'GET', `/api/controls?${query}`)).items.map(
        (c) => c.title,
      );
    assert.deepEqual(await refs(`scope=${compute.id}`), ['Hypervisor hardening']);
    assert.deepEqual(await refs('scope=baseline'), ['Vulnerability management', 'Asset inventory']);
    assert.deepEqual((await refs(`appliesTo=${compute.id}`)).sort(), [
      'Asset inventory',
      'Hypervisor hardening',
      'Vulnerability management',
    ]);
    assert.deepEqual(await refs('evidenceState=fresh'), []);
    assert.equal((await refs('evidenceState=missing')).length, 4);
    const admin = apiClient(t, await t.signIn('admin'));
    const refused = await admin.call('DELETE', `/api/services/${compute.id}`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /still has 1 control/);
  });

  test('mapping and unmapping requirements is audited; groups cannot be mapped', async () => {
    const control = (await manager.expect<Page<ControlSummary>>(200, 'GET', '/api/controls?q=Asset'))
      .items[0];
    const a59 = await requirement('A.5.9');
    const mapped = await manager.expect<ControlDetail>(
      200,
      'POST',
      `/api/controls/${control?.id}/requirements`,
      {
        requirementIds: [a59.id],
      },
    );
    assert.equal(mapped.requirementCount, 1);
    const group = await requirement('A.5');
    const onGroup = await manager.call('POST', `/api/controls/${control?.id}/requirements`, {
      requirementIds: [group.id],
    });
    assert.equal(onGroup.statusCode, 400);
    const unmapped = await manager.expect<ControlDetail>(
      200,
      'DELETE',
      `/api/controls/${control?.id}/requirements/${a59.id}`,
    );
    assert.equal(unmapped.requirements.length, 0);
    assert.equal((await auditActions(t)).at(-1), 'control.requirement-unmapped');
    await manager.expect(404, 'DELETE', `/api/controls/${control?.id}/requirements/${a59.id}`);
  });
});
