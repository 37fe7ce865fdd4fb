import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Framework, RequirementSummary } from '../../../contracts/frameworks.js';
import type { Organization } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';
import { oscalErrors } from '../../../formats/oscal/oscal-schema.test-support.js';

describe('OSCAL out: component definitions per service and the system security plan', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let iso: Framework;
  let org: Organization;
  const serviceId = (name: string) => {
    const s = org.services.find((x) => x.name === name);
    assert.ok(s, name);
    return s.id;
  };

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
    iso = await api.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    await api.expect(201, 'POST', '/api/frameworks/builtin', { key: 'nis2' });
    org = await api.expect<Organization>(200, 'GET', '/api/organization');
    const reqs = await api.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/requirements?pageSize=1000`,
    );
    const id = (ref: string) => reqs.items.find((r) => r.ref === ref)?.id ?? '';
    await api.expect(201, 'POST', '/api/controls', {
      title: 'Vulnerability management',
      implementation: 'Weekly scans; critical findings fixed within 7 days.',
      status: 'implemented',
      requirementIds: [id('A.8.8'), id('5.2')],
    });
    await api.expect(201, 'POST', '/api/controls', {
      title: 'Hypervisor hardening',
      implementation: 'Minimal hardened image.',
      serviceId: serviceId('Compute'),
      requirementIds: [id('A.8.9')],
    });
    await api.expect(201, 'POST', '/api/controls', {
      title: 'Bucket policies',
      serviceId: serviceId('Object Storage'),
      requirementIds: [id('A.8.3')],
    });
  });
  after(() => t.close());

  test('a service component definition validates against OSCAL 1.0.6 and holds baseline + its own controls', async () => {
    const res = await api.call(
      'GET',
      `/api/services/${serviceId('Compute')}/oscal-component-definition.json`,
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-disposition'] as string, /component-definition-Compute\.json/);
    const doc = res.json();
    assert.deepEqual(oscalErrors(doc), []);
    const text = res.body;
    assert.match(text, /Weekly scans; critical findings fixed within 7 days\./);
    assert.match(text, /Minimal hardened image\./);
    assert.doesNotMatch(text, /Bucket policies/, 'another service’s control stays out');
    const components = doc['component-definition'].components;
    assert.equal(components.length, 1);
    assert.equal(components[0].title, 'Compute');
    const implemented = components[0]['control-implementations'].flatMap(
      (ci: { 'implemented-requirements': { 'control-id': string }[] }) =>
        ci['implemented-requirements'].map((r) => r['control-id']),
    );
    assert.ok(implemented.includes('a.8.8') && implemented.includes('a.8.9'), implemented.join(','));
  });

  test('the system security plan validates and covers every requirement with the implementing components', async () => {
    const res = await api.call('GET', `/api/frameworks/${iso.id}/oscal-ssp.json`);
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.deepEqual(oscalErrors(doc), []);
    const ssp = doc['system-security-plan'];
    const requirements = ssp['control-implementation']['implemented-requirements'];
    assert.equal(requirements.length, iso.requirementCount);
    const components = ssp['system-implementation'].components.map((c: { title: string }) => c.title);
    for (const s of org.services) assert.ok(components.includes(s.name), `${s.name} is a component`);
    await api.expect(
      404,
      'GET',
      `/api/services/00000000-0000-4000-8000-000000000000/oscal-component-definition.json`,
    );
  });
});
