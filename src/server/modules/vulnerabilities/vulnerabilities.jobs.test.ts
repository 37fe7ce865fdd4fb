import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { sharedData } from '../../../../test/support/paths.js';
import { sessionHeaders, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { CheckResult } from '../../../contracts/checks.js';
import type { Page } from '../../../contracts/paging.js';
import type { VulnerabilityTarget } from '../../../contracts/vulnerabilities.js';
import { OVERDUE_TASK_SOURCE, remindOverdueVulnerabilities } from './vulnerabilities.jobs.js';

const DAY_MS = 86_400_000;
const trivy = readFileSync(sharedData('scb-trivy-juice-shop-v12.10.2.json'), 'utf8');

/** The juice-shop report scanned at `createdAt`, with all of its findings or none. */
const report = (createdAt: string, empty = false) => {
  const r = JSON.parse(trivy) as { CreatedAt: string; Results: { Vulnerabilities?: unknown[] }[] };
  r.CreatedAt = createdAt;
  if (empty) for (const result of r.Results) result.Vulnerabilities = [];
  return Buffer.from(JSON.stringify(r));
};

const notScanned = (r: CheckResult) =>
  (r.details as { notScanned: { asset: string }[] }).notScanned.map((x) => x.asset);

describe('vulnerability reminders and escalation', () => {
  let t: TestApp;
  let assetId = '';
  const checks = new Map<string, string>();
  const scanAt = new Date(Date.now() - 40 * DAY_MS);

  const importReport = async (body: Buffer) => {
    const form = await multipartBody([], { name: 'trivy.json', type: 'application/json', body });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/vulnerability-scans',
      payload: form.payload,
      headers: { ...sessionHeaders(await t.signIn('compliance-manager')), ...form.headers },
    });
    assert.equal(res.statusCode, 201, res.body);
  };
  const tasks = () =>
    t.handle.db
      .selectFrom('tasks')
      .select(['id', 'title', 'assignee_id', 'status'])
      .where('source_type', '=', OVERDUE_TASK_SOURCE)
      .execute();
  const notifications = (kind: string) =>
    t.handle.db.selectFrom('notifications').select(['user_id', 'title']).where('kind', '=', kind).execute();

  before(async () => {
    t = await startTestApp();
    const api = apiClient(t, await t.signIn('compliance-manager'));
    // Criticals are to be fixed within 7 days of the scan, highs within 30.
    await importReport(report(scanAt.toISOString()));
    const asset = await api.expect<{ id: string }>(201, 'POST', '/api/assets', {
      name: 'Shop frontend image',
      type: 'software',
      ownerId: t.users.contributor.id,
    });
    assetId = asset.id;
    const targets = await api.expect<Page<VulnerabilityTarget>>(200, 'GET', '/api/vulnerability-targets');
    await api.expect(200, 'PATCH', `/api/vulnerability-targets/${targets.items[0]?.id}`, { assetId });
  });
  after(() => t.close());

  test('overdue findings open one task for the asset owner and remind them once; a second run changes nothing', async () => {
    // Ten days after the scan the criticals are three days overdue: within the grace period.
    const now = new Date(scanAt.getTime() + 10 * DAY_MS);
    const sent = await remindOverdueVulnerabilities(t.handle.db, t.config.publicUrl, now);
    assert.equal(sent, 1);
    const open = await tasks();
    assert.deepEqual(
      open.map((x) => [x.title, x.assignee_id, x.status]),
      [['Fix the overdue vulnerabilities on Shop frontend image', t.users.contributor.id, 'open']],
    );
    const reminders = await notifications('vulnerability-overdue');
    assert.equal(reminders.length, 1);
    assert.equal(reminders[0]?.user_id, t.users.contributor.id);
    const mails = await t.handle.db.selectFrom('mail_outbox').select('subject').execute();
    assert.ok(mails.some((m) => m.subject.includes('Overdue vulnerabilities on Shop frontend image')));
    assert.equal(await remindOverdueVulnerabilities(t.handle.db, t.config.publicUrl, now), 0);
    assert.equal((await tasks()).length, 1);
    assert.equal((await notifications('vulnerability-overdue')).length, 1);
  });

  test('after the grace period the owner and the compliance managers are told, once', async () => {
    // Fifteen days after the scan the criticals are eight days overdue: past the seven days' grace.
    const now = new Date(scanAt.getTime() + 15 * DAY_MS);
    const sent = await remindOverdueVulnerabilities(t.handle.db, t.config.publicUrl, now);
    const escalated = await notifications('vulnerability-escalated');
    assert.equal(sent, escalated.length);
    assert.ok(sent >= 3, 'the owner, the compliance manager and the admin');
    const users = new Set(escalated.map((n) => n.user_id));
    assert.ok(users.has(t.users.contributor.id));
    assert.ok(users.has(t.users['compliance-manager'].id));
    assert.ok(users.has(t.users.admin.id));
    assert.equal(await remindOverdueVulnerabilities(t.handle.db, t.config.publicUrl, now), 0);
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['task.opened', 'notifications.sent'])
      .execute();
    assert.equal(events.filter((e) => e.action === 'task.opened').length, 1);
    assert.ok(events.filter((e) => e.action === 'notifications.sent').length >= 2);
  });

  test('checks: critical findings past their fix-by date and production assets not scanned fail', async () => {
    const api = apiClient(t, await t.signIn('compliance-manager'));
    const admin = apiClient(t, await t.signIn('admin'));
    const service = await admin.expect<{ id: string }>(201, 'POST', '/api/services', {
      name: 'Edge cache',
    });
    await api.expect(200, 'PATCH', `/api/assets/${assetId}`, { serviceId: service.id });
    await api.expect(201, 'POST', '/api/assets', {
      name: 'Storage gateway host',
      type: 'hardware',
      serviceId: service.id,
    });
    for (const [name, kind, config] of [
      ['No overdue criticals', 'vulnerability-fix-by', { severity: 'critical' }],
      ['Production assets scanned weekly', 'vulnerability-scan-age', { maxAgeDays: 7 }],
    ] as const) {
      const check = await api.expect<{ id: string }>(201, 'POST', '/api/checks', { name, kind, config });
      checks.set(kind, check.id);
    }
    const fixBy = await api.expect<CheckResult>(
      200,
      'POST',
      `/api/checks/${checks.get('vulnerability-fix-by')}/run`,
    );
    assert.equal(fixBy.outcome, 'fail');
    assert.match(fixBy.summary, /^28 critical finding\(s\) open past their fix-by date/);
    const scans = await api.expect<CheckResult>(
      200,
      'POST',
      `/api/checks/${checks.get('vulnerability-scan-age')}/run`,
    );
    assert.equal(scans.outcome, 'fail');
    assert.equal(scans.outcome, 'fail');
    const stale = notScanned(scans);
    assert.ok(stale.includes('Storage gateway host') && stale.includes('Shop frontend image'), stale.join());
  });

  test('once a scan no longer reports the findings, the task closes as done', async () => {
    await importReport(report(new Date(scanAt.getTime() + 42 * DAY_MS).toISOString(), true));
    await remindOverdueVulnerabilities(
      t.handle.db,
      t.config.publicUrl,
      new Date(scanAt.getTime() + 43 * DAY_MS),
    );
    assert.deepEqual(
      (await tasks()).map((x) => x.status),
      ['done'],
    );
    // The checks: nothing overdue now, and the image was scanned two days ago; the gateway never was.
    const api = apiClient(t, await t.signIn('compliance-manager'));
    const fixBy = await api.expect<CheckResult>(
      200,
      'POST',
      `/api/checks/${checks.get('vulnerability-fix-by')}/run`,
    );
    assert.equal(fixBy.outcome, 'pass');
    const scans = await api.expect<CheckResult>(
      200,
      'POST',
      `/api/checks/${checks.get('vulnerability-scan-age')}/run`,
    );
    assert.equal(scans.outcome, 'fail');
    assert.ok(notScanned(scans).includes('Storage gateway host'));
    assert.ok(!notScanned(scans).includes('Shop frontend image'), 'scanned two days ago');
  });
});
