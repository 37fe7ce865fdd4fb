import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { IncidentDetail } from '../../../contracts/incidents.js';

describe('public status page and Statuspage-compatible JSON', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let compute = '';
  let published: IncidentDetail;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('admin'));
    compute =
      (await sql<{ id: string }>`SELECT id FROM services WHERE name = 'Compute'`.execute(t.handle.db)).rows[0]
        ?.id ?? '';
  });
  after(() => t.close());

  test('nothing is public until the trust center is published', async () => {
    assert.equal((await get('/status/api/v2/summary.json')).statusCode, 404);
    await manager.expect(200, 'PUT', '/api/trust-center/settings', {
      title: 'Norrsken trust center',
      intro: '',
      accentColor: '#0b5cad',
      logoText: 'Norrsken',
      slaText: '',
      drText: '',
      customDomain: null,
      published: true,
    });
    const summary = (await get('/status/api/v2/summary.json')).json();
    assert.deepEqual(summary.status, { indicator: 'none', description: 'All Systems Operational' });
    assert.ok(
      summary.components.some((c: { name: string; group: boolean }) => c.name === 'Compute' && c.group),
    );
  });

  test('only published incidents appear, with their public text and never the internal description', async () => {
    const base = {
      category: 'availability',
      severity: 'high',
      awareAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    await manager.expect(201, 'POST', '/api/incidents', {
      ...base,
      title: 'Internal only',
      description: 'secret internal notes',
    });
    const incident = await manager.expect<IncidentDetail>(201, 'POST', '/api/incidents', {
      ...base,
      title: 'Hall B power loss',
      description: 'Breaker 7 tripped; internal root-cause notes',
      serviceIds: [compute],
    });
    published = await manager.expect<IncidentDetail>(
      200,
      'POST',
      `/api/incidents/${incident.id}/publication`,
      {
        published: true,
        publicTitle: 'Compute unavailable in STO2',
        publicStatus: 'identified',
        update: 'We have identified a power problem in one data centre hall.',
      },
    );
    await manager.expect(201, 'POST', '/api/outages', {
      title: 'Hall B power',
      serviceIds: [compute],
      startedAt: new Date(Date.now() - 3_000_000).toISOString(),
      impact: 'full',
      incidentId: incident.id,
    });
    const list = (await get('/status/api/v2/incidents.json')).json();
    assert.deepEqual(
      list.incidents.map((i: { name: string }) => i.name),
      ['Compute unavailable in STO2'],
    );
    assert.equal(list.incidents[0].incident_updates[0].status, 'identified');
    assert.equal(list.incidents[0].impact, 'major');
    const summary = await get('/status/api/v2/summary.json');
    assert.doesNotMatch(summary.body, /secret internal|Breaker 7|Internal only/);
    const s = summary.json();
    assert.equal(s.status.indicator, 'major');
    assert.equal(s.incidents[0].name, 'Compute unavailable in STO2');
    const computeGroup = s.components.find((c: { id: string }) => c.id === compute);
    assert.equal(computeGroup.status, 'major_outage');
    const components = (await get('/status/api/v2/components.json')).json();
    assert.equal(components.components.length, s.components.length);
  });

  test('the HTML page and the Atom feed show the public history and twelve months of availability', async () => {
    await manager.expect(200, 'POST', `/api/incidents/${published.id}/publication`, {
      published: true,
      publicTitle: 'Compute unavailable in STO2',
      publicStatus: 'resolved',
      update: 'Power is restored and all virtual machines run again.',
    });
    const page = await get('/status');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.match(page.body, /Compute unavailable in STO2 — resolved/);
    assert.match(page.body, /Power is restored/);
    assert.doesNotMatch(page.body, /Breaker 7/);
    const months = page.body.match(/<th>\d{4}-\d{2}<\/th>/g) ?? [];
    assert.equal(months.length, 12);
    const atom = await get('/status/history.atom');
    assert.match(atom.headers['content-type'] as string, /application\/atom\+xml/);
    assert.equal((atom.body.match(/<entry>/g) ?? []).length, 2);
    assert.match(atom.body, /Compute unavailable in STO2 — resolved/);
    const incidents = (await get('/status/api/v2/incidents.json')).json();
    assert.ok(incidents.incidents[0].resolved_at);
    assert.equal(
      (await get('/status/api/v2/summary.json')).json().incidents.length,
      0,
      'resolved: no longer unresolved',
    );
  });
});
