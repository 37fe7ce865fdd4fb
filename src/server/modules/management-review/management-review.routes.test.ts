import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Framework } from '../../../contracts/frameworks.js';
import type { ReviewDetail } from '../../../contracts/management-review.js';
import { noImpactTriage } from '../incidents/index.js';

type Client = ReturnType<typeof apiClient>;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The programme the report must reflect, set up through the other modules' own routes. */
async function buildProgramme(t: TestApp, c: Record<'manager' | 'admin' | 'contributor' | 'viewer', Client>) {
  const iso = await c.manager.expect<Framework>(201, 'POST', '/api/frameworks/builtin', {
    key: 'iso27001-2022',
  });
  await c.manager.expect(201, 'POST', '/api/risks', {
    title: 'Ransomware encrypts customer backups',
    inherentLikelihood: 4,
    inherentImpact: 5,
    residualLikelihood: 2,
    residualImpact: 2,
    treatment: 'accept',
    acceptanceApproverId: t.users['compliance-manager'].id,
    acceptanceExpiresOn: day(30),
    status: 'accepted',
    reviewDate: day(20),
  });
  const audit = await c.manager.expect<{ id: string }>(201, 'POST', '/api/audits', {
    title: 'Internal audit Q4',
    type: 'internal',
    plannedStart: day(-2),
    plannedEnd: day(1),
    leadAuditorId: t.users.auditor.id,
    frameworkIds: [iso.id],
  });
  await c.manager.expect(200, 'POST', `/api/audits/${audit.id}/status`, { status: 'in-progress' });
  const finding = await c.manager.expect<{ nonconformityId: string }>(
    201,
    'POST',
    `/api/audits/${audit.id}/findings`,
    {
      type: 'minor-nc',
      description: 'Vulnerability scans do not reach every host',
    },
  );
  await c.manager.expect(201, 'POST', `/api/audits/${audit.id}/findings`, {
    type: 'observation',
    description: 'Scan reports are kept in two places',
  });
  await c.manager.expect(200, 'POST', `/api/audits/${audit.id}/status`, {
    status: 'completed',
    conclusion: 'Effective apart from one minor nonconformity.',
  });
  const nc = `/api/nonconformities/${finding.nonconformityId}`;
  await c.manager.expect(200, 'POST', `${nc}/status`, { status: 'correction' });
  await c.manager.expect(200, 'PATCH', nc, {
    correction: 'Added the missing hosts',
    rootCause: 'Stale inventory',
  });
  await c.manager.expect(200, 'POST', `${nc}/status`, { status: 'corrective-action' });
  const withAction = await c.manager.expect<{ actions: { id: string }[] }>(201, 'POST', `${nc}/actions`, {
    description: 'Feed the scanner from the asset inventory',
    ownerId: t.users.contributor.id,
    dueDate: day(14),
  });
  await c.contributor.expect(200, 'PATCH', `/api/corrective-actions/${withAction.actions[0]?.id}`, {
    done: true,
  });
  await c.manager.expect(200, 'POST', `${nc}/status`, { status: 'verification' });
  await c.manager.expect(201, 'POST', `${nc}/verifications`, {
    result: 'effective',
    notes: 'All hosts scanned',
  });
  await c.manager.expect(200, 'POST', `${nc}/status`, { status: 'closed' });
  const policy = await c.manager.expect<{ id: string }>(201, 'POST', '/api/policies', {
    title: 'Information security policy',
    kind: 'policy',
    ownerId: t.users['compliance-manager'].id,
    classification: 'internal',
    reviewIntervalMonths: 12,
    body: '# Purpose\n\nKeep data safe.\n',
  });
  const v1 = `/api/policies/${policy.id}/versions/1`;
  await c.manager.expect(200, 'POST', `${v1}/submit`);
  await c.admin.expect(200, 'POST', `${v1}/approve`);
  await c.manager.expect(200, 'POST', `${v1}/publish`);
  await c.manager.expect(201, 'POST', `/api/policies/${policy.id}/campaigns`, {
    audience: { type: 'roles', roles: ['viewer', 'contributor'] },
    dueOn: day(14),
  });
  await c.viewer.expect(200, 'POST', `${v1}/acknowledge`);
  const objective = await c.manager.expect<{ kpis: { id: string }[] }>(201, 'POST', '/api/objectives', {
    title: 'Reliable storage service',
    ownerId: t.users.contributor.id,
    area: 'information-security',
    dueDate: day(180),
    kpis: [
      { name: 'Availability', unit: '%', direction: 'higher-is-better', target: 99.9, threshold: 99.5 },
      { name: 'Security incidents', direction: 'lower-is-better', target: 2 },
    ],
  });
  const [availability, incidents] = objective.kpis;
  const measuredAt = new Date(Date.now() - 3_600_000).toISOString();
  await c.contributor.expect(201, 'POST', `/api/kpis/${availability?.id}/measurements`, {
    value: 99.95,
    measuredAt,
  });
  await c.manager.expect(201, 'POST', `/api/kpis/${incidents?.id}/measurements`, { value: 5, measuredAt });
}

describe('management review', () => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let review: ReviewDetail;

  before(async () => {
    t = await startTestApp();
    const c = {
      manager: apiClient(t, await t.signIn('compliance-manager')),
      admin: apiClient(t, await t.signIn('admin')),
      contributor: apiClient(t, await t.signIn('contributor')),
      viewer: apiClient(t, await t.signIn('viewer')),
    };
    manager = c.manager;
    viewer = c.viewer;
    await buildProgramme(t, c);
  });
  after(() => t.close());

  const plan = (title: string, extra: Record<string, unknown> = {}) =>
    manager.call('POST', '/api/management-reviews', {
      title,
      periodFrom: day(-30),
      periodTo: day(0),
      meetingDate: day(7),
      attendeeIds: [t.users.admin.id, t.users['compliance-manager'].id],
      ...extra,
    });

  test('the assembled report reflects risks, the audit, the closed nonconformity, policies and objectives', async () => {
    const created = await plan('Management review 2026');
    assert.equal(created.statusCode, 201, created.body);
    review = created.json();
    assert.equal(review.status, 'planned');
    assert.equal(review.report, null);
    assert.deepEqual(
      review.attendees.map((a) => a.name),
      ['Test admin', 'Test compliance-manager'],
    );
    // A significant outage five days ago: its early warning (24 h) and notification (72 h) are overdue by now.
    const incident = await manager.expect<{ id: string }>(201, 'POST', '/api/incidents', {
      title: 'Storage cluster down in STO2',
      category: 'availability',
      severity: 'high',
      awareAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    });
    await manager.expect(200, 'POST', `/api/incidents/${incident.id}/triage`, {
      ...noImpactTriage,
      completelyUnavailableOver30Min: true,
    });
    review = await manager.expect<ReviewDetail>(200, 'POST', `/api/management-reviews/${review.id}/assemble`);
    const r = review.report;
    assert.ok(r);
    assert.equal(review.status, 'assembled');
    assert.equal(r.previousActions.previousReview, null);
    assert.deepEqual(
      r.audits.completed.map((a) => [a.title, a.type, a.completedOn]),
      [['Internal audit Q4', 'internal', day(0)]],
    );
    assert.deepEqual(r.audits.findingsByType, { majorNc: 0, minorNc: 1, observation: 1, opportunity: 0 });
    assert.equal(r.nonconformities.openedInPeriod, 1);
    assert.equal(r.nonconformities.closedInPeriod, 1);
    assert.deepEqual(r.nonconformities.openBySeverity, { major: 0, minor: 0 });
    assert.deepEqual(r.nonconformities.overdueActions, []);
    assert.equal(r.risks.total, 1);
    assert.deepEqual(r.risks.inherentByLevel, { low: 0, medium: 0, high: 0, critical: 1 });
    assert.deepEqual(r.risks.residualByLevel, { low: 1, medium: 0, high: 0, critical: 0 });
    assert.equal(r.risks.accepted, 1);
    assert.deepEqual(
      r.risks.expiringAcceptances.map((a) => [a.ref, a.expiresOn]),
      [['RSK-001', day(30)]],
    );
    assert.equal(r.risks.trend, null);
    assert.equal(r.policies.published, 1);
    assert.deepEqual(
      r.policies.campaigns.map((c) => [c.title, c.version, c.acknowledged, c.targeted]),
      [['Information security policy', 1, 1, 2]],
    );
    assert.deepEqual(
      r.objectives.items[0]?.kpis.map((k) => [k.name, k.latest, k.status]),
      [
        ['Availability', 99.95, 'on-track'],
        ['Security incidents', 5, 'off-track'],
      ],
    );
    assert.equal(r.checks.failing, 0);
    assert.equal(r.checks.coverage[0]?.framework, 'ISO/IEC 27001:2022');
    assert.ok(r.incidents.tracked);
    assert.equal(r.incidents.total, 1);
    assert.equal(r.incidents.significant, 1);
    assert.equal(r.incidents.open, 1);
    assert.deepEqual(r.incidents.bySeverity, { high: 1 });
    assert.deepEqual(r.incidents.byCategory, { availability: 1 });
    const overdue = r.incidents.reports.overdue.map((o) => o.type);
    assert.ok(
      overdue.includes('nis2-early-warning') && overdue.includes('nis2-notification'),
      overdue.join(),
    );
    assert.ok(!overdue.includes('nis2-final'), 'the final report is not due yet');
    assert.equal(r.incidents.reports.due, overdue.length, 'every report due in the period is still overdue');
    assert.equal(r.incidents.reports.onTime, 0);
    assert.ok((await auditActions(t)).includes('management-review.assembled'));
  });

  test('the snapshot stays as presented when data changes; decisions close the review and lock it', async () => {
    await manager.expect(201, 'POST', '/api/risks', {
      title: 'Fibre cut',
      inherentLikelihood: 4,
      inherentImpact: 4,
    });
    const again = await viewer.expect<ReviewDetail>(200, 'GET', `/api/management-reviews/${review.id}`);
    assert.deepEqual(again.report, review.report);
    const bad = await manager.call('POST', `/api/management-reviews/${review.id}/actions`, {
      text: 'Extend scanning',
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /Unknown owner/);
    const decided = await manager.expect<ReviewDetail>(
      200,
      'POST',
      `/api/management-reviews/${review.id}/actions`,
      {
        text: 'Extend vulnerability scanning to OSL1',
        ownerId: t.users.contributor.id,
        dueDate: day(60),
      },
    );
    assert.deepEqual(
      decided.actions.map((a) => [a.text, a.ownerName]),
      [['Extend vulnerability scanning to OSL1', 'Test contributor']],
    );
    await manager.expect(200, 'POST', `/api/management-reviews/${review.id}/actions`, {
      text: 'Rehearse the restore of STO2',
      dueDate: day(-1),
    });
    const closed = await manager.expect<ReviewDetail>(
      200,
      'POST',
      `/api/management-reviews/${review.id}/close`,
    );
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    const locked = await manager.call('POST', `/api/management-reviews/${review.id}/assemble`);
    assert.equal(locked.statusCode, 409);
    assert.match(locked.json().error.message, /is closed/);
    await manager.expect(409, 'POST', `/api/management-reviews/${review.id}/actions`, { text: 'Late' });
  });

  test('the next review compares risks with the previous one and lists its decisions', async () => {
    const next: ReviewDetail = (await plan('Management review 2027', { periodTo: day(1) })).json();
    const r = (await manager.expect<ReviewDetail>(200, 'POST', `/api/management-reviews/${next.id}/assemble`))
      .report;
    assert.ok(r);
    assert.equal(r.previousActions.previousReview, 'Management review 2026');
    assert.deepEqual(
      r.previousActions.items.map((a) => [a.text, a.overdue]),
      [
        ['Extend vulnerability scanning to OSL1', false],
        ['Rehearse the restore of STO2', true],
      ],
    );
    assert.equal(r.risks.total, 2);
    assert.deepEqual(r.risks.trend, {
      previousReview: 'Management review 2026',
      previousTotal: 1,
      previousResidualByLevel: { low: 1, medium: 0, high: 0, critical: 0 },
    });
  });

  test('Markdown and PDF downloads of the report', async () => {
    const md = await viewer.call('GET', `/api/management-reviews/${review.id}/report.md`);
    assert.equal(md.statusCode, 200);
    assert.match(md.headers['content-type'] as string, /text\/markdown/);
    assert.match(
      md.headers['content-disposition'] as string,
      /management-review-Management-review-2026-.*\.md/,
    );
    assert.match(md.body, /^# Management review 2026/);
    assert.match(
      md.body,
      /## Incidents, reports and availability\n\n1 incident\(s\) became known in the period \(1 significant; 1 still open\)/,
    );
    assert.match(md.body, /INC-\d+ Storage cluster down in STO2: nis2-early-warning due/);
    assert.match(md.body, /Extend vulnerability scanning to OSL1/);
    const pdf = await viewer.call('GET', `/api/management-reviews/${review.id}/report.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const planned: ReviewDetail = (await plan('Not assembled')).json();
    await viewer.expect(409, 'GET', `/api/management-reviews/${planned.id}/report.md`);
  });

  test('bad input is refused with a message naming the problem and nothing is written', async () => {
    const count = async () =>
      (await t.handle.db.selectFrom('management_reviews').select('id').execute()).length;
    const before = await count();
    const backwards = await plan('Backwards', { periodFrom: day(0), periodTo: day(-1) });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /must end after it starts/);
    const unknown = await plan('Ghost', { attendeeIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /Unknown attendee/);
    assert.equal((await plan('Bad day', { meetingDate: '2026-02-30' })).statusCode, 400);
    assert.equal(await count(), before);
    await viewer.expect(403, 'POST', '/api/management-reviews', { title: 'x' });
    await manager.expect(
      404,
      'POST',
      '/api/management-reviews/00000000-0000-4000-8000-000000000000/assemble',
    );
  });
});
