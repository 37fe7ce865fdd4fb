import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { pdfkitText } from '../../../../test/support/pdf-text.js';
import { type ScopedAuditorFixture, scopedAuditorFixture } from '../../../../test/support/scoped-auditor.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { IncidentDetail, IncidentReport, IncidentSummary } from '../../../contracts/incidents.js';
import type { Page } from '../../../contracts/paging.js';
import type { User } from '../../../contracts/users.js';
import { noImpactTriage } from './incident-obligations.js';
import { sendReportReminders } from './incidents.jobs.js';

describe('incident register', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let viewer: ReturnType<typeof apiClient>;
  let scoped: ScopedAuditorFixture;
  let sto2: string;
  let compute: string;
  const awareAt = '2026-11-20T07:30:00Z';

  const incidentCount = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM incidents`.execute(t.handle.db)).rows[0]?.n,
    );

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    contributor = apiClient(t, await t.signIn('contributor'));
    viewer = apiClient(t, await t.signIn('viewer'));
    scoped = await scopedAuditorFixture(t, 'INC');
    const locations = await sql<{ id: string }>`SELECT id FROM locations WHERE code = 'STO2'`.execute(
      t.handle.db,
    );
    sto2 = locations.rows[0]?.id ?? '';
    const services = await sql<{ id: string }>`SELECT id FROM services WHERE name = 'Compute'`.execute(
      t.handle.db,
    );
    compute = services.rows[0]?.id ?? '';
    assert.ok(sto2 && compute, 'the demo organisation has STO2 and Compute');
  });
  after(() => t.close());

  test('any staff member reports; awareAt is required and unknown services are refused, nothing written', async () => {
    const base = { title: 'Power loss in STO2', category: 'availability', severity: 'high' };
    const missing = await contributor.call('POST', '/api/incidents', base);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /awareAt/);
    const unknown = await contributor.call('POST', '/api/incidents', {
      ...base,
      awareAt,
      serviceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].path, 'serviceIds');
    const future = await contributor.call('POST', '/api/incidents', {
      ...base,
      awareAt: '2999-01-01T00:00:00Z',
    });
    assert.equal(future.statusCode, 400);
    assert.equal(await incidentCount(), 0);
    const auditorTry = await scoped.auditor.call('POST', '/api/incidents', { ...base, awareAt });
    assert.equal(auditorTry.statusCode, 403, 'auditors are not staff: they do not report');

    const incident = await contributor.expect<IncidentDetail>(201, 'POST', '/api/incidents', {
      ...base,
      description: 'Both feeds to hall B lost; UPS carried 40 minutes.',
      awareAt,
      occurredAt: '2026-11-20T07:10:00Z',
      serviceIds: [compute],
      locationIds: [sto2],
      allCustomersAffected: false,
      customersAffected: 120,
    });
    assert.equal(incident.ref, 'INC-001');
    assert.equal(incident.status, 'reported');
    assert.equal(incident.awareAt, '2026-11-20T07:30:00.000Z', 'the clock starts when the reporter said');
    assert.equal(incident.reporter?.id, t.users.contributor.id);
    assert.deepEqual(
      incident.timeline.map((e) => e.kind),
      ['status'],
    );
    assert.ok((await auditActions(t)).includes('incident.reported'));
  });

  test('reporters see their own incidents; others see none; handlers all; another organisation nothing', async () => {
    const mine = await contributor.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents');
    assert.equal(mine.total, 1);
    const id = mine.items[0]?.id ?? '';
    const others = await viewer.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents');
    assert.equal(others.total, 0);
    assert.equal((await viewer.call('GET', `/api/incidents/${id}`)).statusCode, 404);
    assert.equal((await viewer.call('POST', `/api/incidents/${id}/timeline`, { text: 'x' })).statusCode, 404);
    assert.equal((await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).total, 1);
    const timeline = await contributor.expect<IncidentDetail>(200, 'POST', `/api/incidents/${id}/timeline`, {
      kind: 'action',
      text: 'Called the facility on-call.',
    });
    assert.deepEqual(
      timeline.timeline.map((e) => e.kind),
      ['status', 'action'],
    );
    assert.equal(
      (await contributor.call('POST', `/api/incidents/${id}/triage`, noImpactTriage)).statusCode,
      403,
    );

    const org = await t.handle.db
      .insertInto('organizations')
      .values({ name: 'Other AB', security_contact_email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await t.handle.db
      .insertInto('incidents')
      .values({
        organization_id: org.id,
        ref: 'INC-001',
        title: 'Foreign incident',
        category: 'integrity',
        severity: 'low',
        aware_at: new Date(awareAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = apiClient(t, await t.signIn('admin'));
    assert.equal((await admin.call('GET', `/api/incidents/${foreign.id}`)).statusCode, 404);
    assert.equal(
      (await admin.call('POST', `/api/incidents/${foreign.id}/triage`, noImpactTriage)).statusCode,
      404,
    );
    const all = await admin.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents');
    assert.ok(!all.items.some((i) => i.id === foreign.id));
  });

  test('an administrator gives a viewer the incident-manager duty and takes it back; auditors take no duty', async () => {
    const admin = apiClient(t, await t.signIn('admin'));
    const settings = await viewer.expect<object>(200, 'GET', '/api/incident-settings');
    assert.equal((await viewer.call('PUT', '/api/incident-settings', settings)).statusCode, 403);
    const auditor = await admin.call('PATCH', `/api/users/${t.users.auditor.id}`, {
      duties: ['incident-manager'],
    });
    assert.equal(auditor.statusCode, 400, auditor.body);
    assert.equal(auditor.json().error.details[0].path, 'duties');
    const given = await admin.expect<User>(200, 'PATCH', `/api/users/${t.users.viewer.id}`, {
      duties: ['incident-manager'],
    });
    assert.deepEqual(given.duties, ['incident-manager']);
    const handler = apiClient(t, await t.signIn('viewer'));
    const all = await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents');
    const seen = await handler.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents');
    assert.ok(all.total > 0);
    assert.equal(seen.total, all.total, 'an incident manager sees every incident');
    await handler.expect(200, 'PUT', '/api/incident-settings', settings);
    const { token } = await handler.expect<{ token: string }>(201, 'POST', '/api/tokens', {
      name: 'on-call automation',
      scopes: ['incidents.manage'],
      expiresInDays: 1,
    });
    const byToken = () =>
      t.app.inject({
        method: 'PUT',
        url: '/api/incident-settings',
        payload: settings,
        headers: { authorization: `Bearer ${token}` },
      });
    assert.equal((await byToken()).statusCode, 200, 'a token may carry the scope the duty gives');
    assert.ok((await auditActions(t)).includes('user.updated'));
    await admin.expect(200, 'PATCH', `/api/users/${t.users.viewer.id}`, { duties: [] });
    assert.equal(
      (await handler.call('GET', '/api/incidents')).statusCode,
      401,
      'the change ends their sessions',
    );
    assert.equal((await byToken()).statusCode, 403, 'without the duty the token no longer grants it');
    viewer = apiClient(t, await t.signIn('viewer'));
    assert.equal((await viewer.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).total, 0);
  });

  test('auditors see an incident only once it is linked to a control in their framework scope', async () => {
    const [incident] = (await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).items;
    const id = incident?.id ?? '';
    assert.equal((await scoped.auditor.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).total, 0);
    await manager.expect(200, 'PATCH', `/api/incidents/${id}`, { controlIds: [scoped.nis2Control.id] });
    assert.equal(
      (await scoped.auditor.call('GET', `/api/incidents/${id}`)).statusCode,
      404,
      'NIS2 is out of scope',
    );
    await manager.expect(200, 'PATCH', `/api/incidents/${id}`, { controlIds: [scoped.isoControl.id] });
    assert.equal(
      (await scoped.auditor.expect<IncidentDetail>(200, 'GET', `/api/incidents/${id}`)).ref,
      'INC-001',
    );
    const badLink = await manager.call('PATCH', `/api/incidents/${id}`, {
      riskIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(badLink.statusCode, 400);
    assert.equal(badLink.json().error.details[0].path, 'riskIds');
  });

  test('a significant triage opens the NIS2 reports (and Norway’s notice) as tasks with their deadlines', async () => {
    const id = (await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).items[0]?.id ?? '';
    const refused = await manager.call('POST', `/api/incidents/${id}/triage`, {
      ...noImpactTriage,
      personalDataBreach: true,
      riskToPeople: 'unlikely',
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.details[0].path, 'reasoning');
    const triaged = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${id}/triage`, {
      ...noImpactTriage,
      completelyUnavailableOver30Min: true,
    });
    assert.equal(triaged.status, 'triaged');
    assert.equal(triaged.significant, true);
    const due = Object.fromEntries(triaged.reports.map((r) => [r.type, r.dueAt]));
    assert.deepEqual(due, {
      'nis2-early-warning': '2026-11-21T07:30:00.000Z',
      'no-nsm-notice': '2026-11-21T07:30:00.000Z',
      'nis2-notification': '2026-11-23T07:30:00.000Z',
      'nis2-final': '2026-12-23T07:30:00.000Z',
    });
    assert.deepEqual(
      triaged.reports.filter((r) => r.overdue).map((r) => r.type),
      ['nis2-early-warning', 'no-nsm-notice', 'nis2-notification'],
      'deadlines that have passed show as overdue',
    );
    assert.match(triaged.reports.find((r) => r.type === 'nis2-early-warning')?.authority ?? '', /CERT-SE/);
    const tasks = await t.handle.db
      .selectFrom('tasks')
      .select(['title', 'due_at', 'status'])
      .where('source_type', '=', 'incident-report')
      .orderBy('title')
      .execute();
    assert.equal(tasks.length, 4);
    assert.ok(tasks.every((task) => task.status === 'open' && task.due_at !== null));
    // Triage again with the same answers: nothing doubles.
    const again = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${id}/triage`, {
      ...noImpactTriage,
      completelyUnavailableOver30Min: true,
    });
    assert.equal(again.reports.length, 4);
  });

  test('handlers are reminded of due reports and told of overdue ones, once, by inbox and mail', async () => {
    const sent = await sendReportReminders(t.handle.db, 'https://tillit.example');
    const rows = await t.handle.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.user_id', 'n.kind', 'n.title', 'u.role'])
      .where('n.kind', 'like', 'incident-report-%')
      .execute();
    assert.equal(sent, rows.length);
    assert.ok(rows.length > 0);
    assert.deepEqual([...new Set(rows.map((r) => r.role))].sort(), ['admin', 'compliance-manager']);
    assert.ok(rows.some((r) => r.user_id === t.users['compliance-manager'].id));
    assert.ok(
      rows.some(
        (r) => r.kind === 'incident-report-overdue' && /NIS2 early warning for INC-001/.test(r.title),
      ),
    );
    const mails = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM mail_outbox WHERE subject LIKE '%INC-001%'`.execute(t.handle.db);
    assert.ok(Number(mails.rows[0]?.n) > 0, 'escalations are mailed through the outbox');
    assert.equal(
      await sendReportReminders(t.handle.db, 'https://tillit.example'),
      0,
      'once per deadline and stage',
    );
  });

  test('a report is drafted, submitted with its reference, then frozen; a correction is a new version', async () => {
    const id = (await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).items[0]?.id ?? '';
    const incident = await manager.expect<IncidentDetail>(200, 'GET', `/api/incidents/${id}`);
    const warning = incident.reports.find((r) => r.type === 'nis2-early-warning') as IncidentReport;
    assert.match(warning.content.summary ?? '', /Power loss in STO2/);
    const badField = await manager.call('PATCH', `/api/incidents/${id}/reports/${warning.id}`, {
      content: { nonsense: 'x' },
    });
    assert.equal(badField.statusCode, 400);
    await manager.expect(200, 'PATCH', `/api/incidents/${id}/reports/${warning.id}`, {
      content: { summary: 'Power loss in STO2 hall B; Compute unavailable for 45 minutes.' },
    });
    const submitted = await manager.expect<IncidentReport>(
      200,
      'POST',
      `/api/incidents/${id}/reports/${warning.id}/submit`,
      { reference: 'CERT-SE-2026-0042' },
    );
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.submissionReference, 'CERT-SE-2026-0042');
    assert.equal(submitted.submittedBy, 'Test compliance-manager');
    const frozen = await manager.call('PATCH', `/api/incidents/${id}/reports/${warning.id}`, {
      content: { summary: 'rewritten' },
    });
    assert.equal(frozen.statusCode, 409);
    await assert.rejects(
      sql`UPDATE incident_reports SET authority = 'x' WHERE id = ${warning.id}`.execute(t.handle.db),
      /immutable/,
    );
    const task = await t.handle.db
      .selectFrom('tasks')
      .select('status')
      .where('source_id', '=', warning.id)
      .executeTakeFirstOrThrow();
    assert.equal(task.status, 'done');
    const correction = await manager.expect<IncidentReport>(
      201,
      'POST',
      `/api/incidents/${id}/reports/${warning.id}/corrections`,
    );
    assert.equal(correction.version, 2);
    assert.equal(correction.status, 'draft');
    assert.equal(
      correction.content.summary,
      'Power loss in STO2 hall B; Compute unavailable for 45 minutes.',
    );
    const md = await manager.call('GET', `/api/incidents/${id}/reports/${warning.id}/export.md`);
    assert.equal(md.statusCode, 200);
    assert.match(md.body, /^# NIS2 early warning — INC-001 Power loss in STO2/);
    assert.match(md.body, /reference CERT-SE-2026-0042/);
    assert.match(md.body, /## Cross-border impact\n\nNo/);
    const pdf = await manager.call('GET', `/api/incidents/${id}/reports/${warning.id}/export.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /INC-001-nis2-early-warning-v1\.pdf/);
    const text = pdfkitText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.match(text, /NIS2 early warning - INC-001 Power loss in STO2/);
    assert.match(text, /reference CERT-SE-2026-0042/);
    assert.match(text, /Cross-border impact No/);
    const again = await manager.call('GET', `/api/incidents/${id}/reports/${warning.id}/export.pdf`);
    assert.deepEqual(again.rawPayload, pdf.rawPayload, 'the same report gives the same bytes');
    assert.equal(
      (await viewer.call('GET', `/api/incidents/${id}/reports/${warning.id}/export.pdf`)).statusCode,
      404,
      'a staff member who did not report it cannot export it',
    );
    // Submitting the notification moves the final report to one month after it.
    const notification = incident.reports.find((r) => r.type === 'nis2-notification') as IncidentReport;
    await manager.expect(200, 'POST', `/api/incidents/${id}/reports/${notification.id}/submit`, {
      reference: 'CERT-SE-2026-0043',
      submittedAt: '2026-11-22T09:00:00Z',
    });
    const after = await manager.expect<IncidentDetail>(200, 'GET', `/api/incidents/${id}`);
    assert.equal(after.reports.find((r) => r.type === 'nis2-final')?.dueAt, '2026-12-22T09:00:00.000Z');
  });

  test('the lifecycle moves one step at a time; closing takes the review, which can raise a nonconformity', async () => {
    const id = (await manager.expect<Page<IncidentSummary>>(200, 'GET', '/api/incidents')).items[0]?.id ?? '';
    const skip = await manager.call('POST', `/api/incidents/${id}/transition`, { to: 'closed' });
    assert.equal(skip.statusCode, 409);
    await manager.expect(200, 'POST', `/api/incidents/${id}/transition`, { to: 'contained' });
    const early = await manager.call('POST', `/api/incidents/${id}/review`, { lessonsLearned: 'x' });
    assert.equal(early.statusCode, 409);
    await manager.expect(200, 'POST', `/api/incidents/${id}/transition`, { to: 'recovered' });
    assert.equal(
      (await manager.call('POST', `/api/incidents/${id}/transition`, { to: 'closed' })).statusCode,
      409,
    );
    const reviewed = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${id}/review`, {
      lessonsLearned: 'Test the transfer switch quarterly.',
      raiseNonconformity: { severity: 'minor', description: 'Transfer switch not tested since 2025.' },
    });
    assert.ok(reviewed.nonconformityId);
    const nc = await manager.expect<{ source: string; sourceRef: string }>(
      200,
      'GET',
      `/api/nonconformities/${reviewed.nonconformityId}`,
    );
    assert.deepEqual([nc.source, nc.sourceRef], ['incident', 'INC-001']);
    const closed = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${id}/transition`, {
      to: 'closed',
    });
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    assert.deepEqual(
      closed.timeline.filter((e) => e.kind === 'status').map((e) => e.text),
      [
        'Reported',
        'reported → triaged',
        'triaged → contained',
        'contained → recovered',
        'recovered → closed',
      ],
    );
    await assert.rejects(sql`DELETE FROM incident_timeline`.execute(t.handle.db), /append-only/);
    const actions = await auditActions(t);
    for (const action of [
      'incident.triaged',
      'incident-report.submitted',
      'incident.status-changed',
      'incident.reviewed',
    ])
      assert.ok(actions.includes(action), action);
  });

  test('a personal-data breach judged not notifiable records its reasoning and opens no report', async () => {
    const breach = await manager.expect<IncidentDetail>(201, 'POST', '/api/incidents', {
      title: 'Laptop left on a train',
      category: 'personal-data',
      severity: 'medium',
      awareAt: '2026-11-25T16:00:00+01:00',
    });
    const triaged = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${breach.id}/triage`, {
      ...noImpactTriage,
      personalDataBreach: true,
      riskToPeople: 'unlikely',
      reasoning: 'Full-disk encryption with a hardware key; the key was not lost.',
    });
    assert.deepEqual(triaged.reports, []);
    assert.equal(triaged.significant, false);
    assert.match(triaged.timeline.at(-2)?.text ?? '', /full-disk encryption/i);
    const high = await manager.expect<IncidentDetail>(200, 'POST', `/api/incidents/${breach.id}/triage`, {
      ...noImpactTriage,
      personalDataBreach: true,
      riskToPeople: 'high',
    });
    assert.deepEqual(
      high.reports.map((r) => [r.type, r.authority, r.dueAt]),
      [
        ['gdpr-authority', 'Integritetsskyddsmyndigheten (IMY)', '2026-11-28T15:00:00.000Z'],
        ['gdpr-data-subjects', 'The affected data subjects', null],
      ],
    );
  });
});
