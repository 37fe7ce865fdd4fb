import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { repoRoot, sharedData } from '../../../../test/support/paths.js';
import { gaugeSeries, type PrometheusServer, startPrometheus } from '../../../../test/support/prometheus.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { AvailabilityRow, ImportResult, Outage } from '../../../contracts/availability.js';
import type { Page } from '../../../contracts/paging.js';

describe('outages, SLA and monitoring imports', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let prometheus: PrometheusServer;
  const ids = {} as Record<'compute' | 'storage' | 'sto1' | 'sto2', string>;
  // Five hours of one-minute samples, ending an hour ago; samples 100–129 are down.
  const start = Math.floor(Date.now() / 60_000) * 60 - 6 * 3600;

  const outageCount = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM outages`.execute(t.handle.db)).rows[0]?.n,
    );

  before(async () => {
    [t, prometheus] = await Promise.all([
      startTestApp(),
      startPrometheus(
        gaugeSeries('probe_success', 'job="compute"', start, 60, 300, (i) => (i >= 100 && i < 130 ? 0 : 1)),
      ),
    ]);
    manager = apiClient(t, await t.signIn('compliance-manager'));
    const of = async (q: string) =>
      (await sql<{ id: string }>`${sql.raw(q)}`.execute(t.handle.db)).rows[0]?.id ?? '';
    ids.compute = await of(`SELECT id FROM services WHERE name = 'Compute'`);
    ids.storage = await of(`SELECT id FROM services WHERE name = 'Object Storage'`);
    ids.sto1 = await of(`SELECT id FROM locations WHERE code = 'STO1'`);
    ids.sto2 = await of(`SELECT id FROM locations WHERE code = 'STO2'`);
  });
  after(async () => {
    await prometheus?.close();
    await t?.close();
  });

  test('bad outages are refused with the field named and nothing written', async () => {
    const base = {
      title: 'Hall B power',
      serviceIds: [ids.compute],
      locationIds: [ids.sto2],
      startedAt: '2026-11-10T10:00:00Z',
      endedAt: '2026-11-10T11:00:00Z',
      impact: 'full',
    };
    const cases: [object, string][] = [
      [{ ...base, endedAt: '2026-11-10T09:00:00Z' }, 'endedAt'],
      [{ ...base, serviceIds: ['00000000-0000-4000-8000-000000000000'] }, 'serviceIds'],
      [{ ...base, locationIds: ['00000000-0000-4000-8000-000000000000'] }, 'locationIds'],
      [{ ...base, planned: true, announcedAt: '2026-11-10T10:30:00Z' }, 'announcedAt'],
    ];
    for (const [body, field] of cases) {
      const res = await manager.call('POST', '/api/outages', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details[0].path, field);
    }
    assert.equal(await outageCount(), 0);
    await manager.expect<Outage>(201, 'POST', '/api/outages', base);
    const overlap = await manager.call('POST', '/api/outages', {
      ...base,
      title: 'Same hall again',
      locationIds: [],
      startedAt: '2026-11-10T10:59:00Z',
      endedAt: '2026-11-10T12:00:00Z',
    });
    assert.equal(overlap.statusCode, 400);
    assert.equal(overlap.json().error.details[0].path, 'startedAt');
    assert.match(overlap.json().error.message, /Hall B power/);
    // Adjacent windows and another location do not overlap.
    await manager.expect(201, 'POST', '/api/outages', {
      ...base,
      title: 'Next',
      startedAt: '2026-11-10T11:00:00Z',
      endedAt: '2026-11-10T11:30:00Z',
    });
    await manager.expect(201, 'POST', '/api/outages', { ...base, title: 'STO1', locationIds: [ids.sto1] });
    assert.equal(await outageCount(), 3);
  });

  test('monthly availability per service and location: maintenance excluded, per-service target, credits', async () => {
    await manager.expect(201, 'POST', '/api/outages', {
      title: 'Announced kernel upgrade',
      serviceIds: [ids.compute],
      locationIds: [ids.sto2],
      startedAt: '2026-11-20T01:00:00Z',
      endedAt: '2026-11-20T05:00:00Z',
      impact: 'full',
      planned: true,
      announcedAt: '2026-11-13T09:00:00Z',
    });
    const rows = await manager.expect<AvailabilityRow[]>(200, 'GET', '/api/availability?month=2026-11');
    const sto2 = rows.find((r) => r.serviceId === ids.compute && r.locationId === ids.sto2);
    assert.equal(sto2?.downMinutes, 90);
    assert.equal(sto2?.excludedMinutes, 240);
    assert.equal(sto2?.availability, Math.round((1 - 90 / (43_200 - 240)) * 100_000) / 1000);
    assert.equal(sto2?.met, false);
    assert.equal(sto2?.credit, 10);
    const storage = rows.find((r) => r.serviceId === ids.storage && r.locationId === ids.sto2);
    assert.deepEqual([storage?.availability, storage?.met, storage?.credit], [100, true, 0]);
    await manager.expect(200, 'PUT', '/api/sla-settings', {
      target: 99.9,
      serviceTargets: { [ids.compute]: 99.5 },
      creditTable: [{ below: 99.5, credit: 5 }],
    });
    const relaxed = await manager.expect<AvailabilityRow[]>(200, 'GET', '/api/availability?month=2026-11');
    const again = relaxed.find((r) => r.serviceId === ids.compute && r.locationId === ids.sto2);
    assert.deepEqual([again?.target, again?.met, again?.credit], [99.5, true, 0]);
    const bad = await manager.call('GET', '/api/availability?month=2026-13');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /month/);
  });

  test("Upptime's summary.json imports idempotently; the original is kept; unmapped or malformed data is refused", async () => {
    const content = readFileSync(sharedData('upptime-summary.json'), 'utf8');
    const before = await outageCount();
    const unmapped = await manager.call('POST', '/api/outages/import/upptime', {
      content,
      services: { wikipedia: ids.storage },
    });
    assert.equal(unmapped.statusCode, 400);
    assert.match(unmapped.json().error.details[0].path, /^services\./);
    const malformed = await manager.call('POST', '/api/outages/import/upptime', {
      content: content.slice(0, 500),
      services: {},
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.details[0].path, 'file');
    assert.equal(await outageCount(), before);
    const mapping = {
      content,
      services: {
        wikipedia: ids.storage,
        'hacker-news': null,
        'test-broken-site': null,
        google: ids.storage,
      },
      locationIds: [ids.sto1],
    };
    const first = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/upptime', mapping);
    assert.deepEqual([first.added, first.repeated], [2, false]);
    const second = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/upptime', mapping);
    assert.deepEqual([second.added, second.repeated, second.importId], [0, true, first.importId]);
    assert.equal(await outageCount(), before + 2);
    const kept = await t.handle.db
      .selectFrom('monitoring_imports')
      .select(['original', 'sha256'])
      .executeTakeFirstOrThrow();
    assert.equal(kept.original, content);
    const june = await manager.expect<AvailabilityRow[]>(200, 'GET', '/api/availability?month=2022-06');
    assert.equal(june.find((r) => r.serviceId === ids.storage && r.locationId === ids.sto1)?.downMinutes, 21);
    assert.ok((await auditActions(t)).includes('outages.imported'));
  });

  test('Gatus and Uptime Kuma: down windows import once, the originals are kept, malformed data names its field', async () => {
    const fixture = (name: string) =>
      readFileSync(path.join(repoRoot, 'test/fixtures/monitoring', name), 'utf8');
    const gatus = fixture('gatus-statuses.json');
    const statusPage = fixture('kuma-status-page.json');
    const heartbeats = fixture('kuma-heartbeat.json');
    const importCount = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM monitoring_imports`.execute(t.handle.db))
          .rows[0]?.n,
      );
    const before = [await outageCount(), await importCount()];
    const gatusMapping = {
      services: { compute_api: ids.compute, storage_s3: ids.storage },
      locationIds: [ids.sto2],
    };
    const kumaMapping = { services: { 'Compute API': ids.compute }, locationIds: [ids.sto1] };
    const refused: [string, object, string][] = [
      [
        'gatus',
        { ...gatusMapping, content: gatus.replace('"UNHEALTHY"', '"BROKEN"') },
        'statuses.0.events.1.type',
      ],
      ['gatus', { ...gatusMapping, content: gatus.slice(0, 300) }, 'file'],
      [
        'gatus',
        { ...gatusMapping, content: gatus.replace('"key": "compute_api"', '"key": ""') },
        'statuses.0.key',
      ],
      [
        'uptime-kuma',
        { ...kumaMapping, statusPage, heartbeats: heartbeats.replace('"7": [', '"99": [') },
        'heartbeats.heartbeatList.99',
      ],
      [
        'uptime-kuma',
        {
          ...kumaMapping,
          statusPage,
          heartbeats: heartbeats.replace('2026-11-20 07:10:00.080', 'yesterday'),
        },
        'heartbeats.heartbeatList.3.1.time',
      ],
      [
        'uptime-kuma',
        { ...kumaMapping, statusPage: '{"publicGroupList": 3}', heartbeats },
        'statusPage.publicGroupList',
      ],
      ['uptime-kuma', { services: {}, statusPage, heartbeats }, 'services.Compute API'],
    ];
    for (const [source, body, field] of refused) {
      const res = await manager.call('POST', `/api/outages/import/${source}`, body);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.equal(res.json().error.details[0].path, field);
    }
    assert.deepEqual([await outageCount(), await importCount()], before, 'nothing written');

    const first = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/gatus', {
      ...gatusMapping,
      content: gatus,
    });
    assert.deepEqual(
      [first.added, first.repeated],
      [2, false],
      'two ended windows; the one still open waits',
    );
    const again = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/gatus', {
      ...gatusMapping,
      content: gatus,
    });
    assert.deepEqual([again.added, again.repeated, again.importId], [0, true, first.importId]);
    const kuma = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/uptime-kuma', {
      ...kumaMapping,
      statusPage,
      heartbeats,
    });
    assert.equal(kuma.added, 1);
    const kumaAgain = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/uptime-kuma', {
      ...kumaMapping,
      statusPage,
      heartbeats,
    });
    assert.equal(kumaAgain.repeated, true);
    const outages = await manager.expect<Page<Outage>>(200, 'GET', `/api/outages?serviceId=${ids.compute}`);
    const windows = (source: string) =>
      outages.items
        .filter((o) => o.source === source)
        .map((o) => [o.startedAt, o.endedAt])
        .sort();
    assert.deepEqual(windows('gatus'), [
      ['2026-11-20T07:10:00.000Z', '2026-11-20T07:55:00.000Z'],
      ['2026-11-27T01:00:00.000Z', '2026-11-27T01:12:00.000Z'],
    ]);
    assert.deepEqual(windows('uptime-kuma'), [['2026-11-20T07:10:00.080Z', '2026-11-20T07:40:00.100Z']]);
    const kept = await t.handle.db
      .selectFrom('monitoring_imports')
      .select(['source', 'original'])
      .where('source', 'in', ['gatus', 'uptime-kuma'])
      .execute();
    assert.equal(kept.find((k) => k.source === 'gatus')?.original, gatus);
    assert.deepEqual(JSON.parse(kept.find((k) => k.source === 'uptime-kuma')?.original ?? '{}'), {
      statusPage,
      heartbeats,
    });
  });

  test('the Prometheus URL cannot reach metadata, link-local or (unless an administrator allows it) private addresses', async () => {
    const port = new URL(prometheus.url).port;
    const body = {
      query: 'probe_success',
      start: new Date(start * 1000).toISOString(),
      end: new Date((start + 299 * 60) * 1000).toISOString(),
      step: 60,
      services: {},
    };
    const before = await outageCount();
    const refused: [string, RegExp][] = [
      ['http://169.254.169.254/latest/meta-data', /link-local, metadata or reserved/],
      ['http://[::ffff:169.254.169.254]/', /link-local, metadata or reserved/],
      ['http://[fe80::1]/', /link-local, metadata or reserved/],
      ['http://0.0.0.0:9090/', /link-local, metadata or reserved/],
      [`http://user:secret@127.0.0.1:${port}`, /user name or password/],
      ['ftp://127.0.0.1/', /url|protocol/i],
      [prometheus.url, /private or loopback/],
      [`http://localhost:${port}`, /private or loopback/],
      ['http://10.0.0.1:9090', /private or loopback/],
      ['http://[::ffff:7f00:1]:9090', /private or loopback/],
    ];
    for (const [url, why] of refused) {
      const res = await manager.call('POST', '/api/outages/import/prometheus', { ...body, url });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.equal(res.json().error.details[0].path, 'url', url);
      assert.match(res.body, why, url);
    }
    const admin = apiClient(t, await t.signIn('admin'));
    const off = await manager.call('PUT', '/api/monitoring-network', { allowPrivateNetworks: true });
    assert.equal(off.statusCode, 403, 'a compliance manager cannot open private networks');
    await admin.expect(200, 'PUT', '/api/monitoring-network', { allowPrivateNetworks: true });
    assert.deepEqual(await manager.expect(200, 'GET', '/api/monitoring-network'), {
      allowPrivateNetworks: true,
    });
    // Link-local and metadata stay refused even then.
    const metadata = await manager.call('POST', '/api/outages/import/prometheus', {
      ...body,
      url: 'http://169.254.169.254/',
    });
    assert.equal(metadata.statusCode, 400);
    assert.equal(await outageCount(), before);
  });

  test('a real Prometheus: query_range over probe_success becomes outage windows, once', async () => {
    const body = {
      url: prometheus.url,
      query: 'probe_success',
      start: new Date(start * 1000).toISOString(),
      end: new Date((start + 299 * 60) * 1000).toISOString(),
      step: 60,
      label: 'job',
      services: { compute: ids.compute },
      locationIds: [ids.sto1],
    };
    const first = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/prometheus', body);
    assert.equal(first.added, 1);
    const outages = await manager.expect<Page<Outage>>(200, 'GET', `/api/outages?serviceId=${ids.compute}`);
    const imported = outages.items.find((o) => o.source === 'prometheus');
    assert.equal(imported?.startedAt, new Date((start + 100 * 60) * 1000).toISOString());
    assert.equal(imported?.endedAt, new Date((start + 130 * 60) * 1000).toISOString());
    const again = await manager.expect<ImportResult>(200, 'POST', '/api/outages/import/prometheus', body);
    assert.equal(again.added, 0);
    const unreachable = await manager.call('POST', '/api/outages/import/prometheus', {
      ...body,
      url: 'http://127.0.0.1:1',
    });
    assert.equal(unreachable.statusCode, 400);
    assert.equal(unreachable.json().error.details[0].path, 'url');
  });
});
