import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type {
  AuditDetail,
  AuditProgramme,
  AuditSummary,
  ChecklistItem,
  Finding,
} from '../../../contracts/audits.js';
import type { Framework, RequirementSummary } from '../../../contracts/frameworks.js';
import type { NcDetail } from '../../../contracts/nonconformities.js';
import type { Page } from '../../../contracts/paging.js';

type Client = ReturnType<typeof apiClient>;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('audits', () => {
  let t: TestApp;
  let manager: Client;
  let auditor: Client;
  let viewer: Client;
  let iso: Framework;
  let requirements: RequirementSummary[];

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    auditor = apiClient(t, await t.signIn('auditor'));
    viewer = apiClient(t, await t.signIn('viewer'));
    iso = await manager.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    // Auditors see the audits of the frameworks they are scoped to.
    await apiClient(t, await t.signIn('admin')).expect(
      200,
      'PUT',
      `/api/users/${t.users.auditor.id}/framework-scope`,
      {
        frameworkIds: [iso.id],
      },
    );
    const page = await manager.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/requirements?pageSize=1000`,
    );
    requirements = page.items.filter((r) => r.kind === 'requirement');
    const a74 = requirements.find((r) => r.ref === 'A.7.4');
    assert.ok(a74);
    await manager.expect(200, 'PUT', `/api/requirements/${a74.id}/applicability`, {
      applicable: false,
      justification: 'The colocation partner runs physical monitoring',
    });
  });
  after(() => t.close());

  const newAudit = (extra: Record<string, unknown> = {}) => ({
    title: 'Internal audit Q4',
    type: 'internal',
    plannedStart: '2026-12-01',
    plannedEnd: '2026-12-03',
    leadAuditorId: t.users.auditor.id,
    frameworkIds: [iso.id],
    ...extra,
  });

  test('a programme lists its audits; the checklist holds every applicable or undecided requirement', async () => {
    const programme = await manager.expect<AuditProgramme>(201, 'POST', '/api/audit-programmes', {
      year: 2026,
      objectives: 'Cover all of Annex A before the certification audit',
    });
    await manager.expect(409, 'POST', '/api/audit-programmes', { year: 2026 });
    const audit = await manager.expect<AuditDetail>(
      201,
      'POST',
      '/api/audits',
      newAudit({ programmeId: programme.id }),
    );
    assert.equal(audit.status, 'planned');
    assert.equal(audit.leadAuditorName, 'Test auditor');
    assert.deepEqual(audit.services, []);
    assert.equal(audit.progress.total, requirements.length - 1, 'A.7.4 is not applicable, so left out');
    assert.equal(audit.progress.checked, 0);
    const checklist = await viewer.expect<Page<ChecklistItem>>(
      200,
      'GET',
      `/api/audits/${audit.id}/checklist?q=A.7.4`,
    );
    assert.equal(checklist.total, 0);
    const list = await viewer.expect<Page<AuditSummary>>(
      200,
      'GET',
      `/api/audits?programmeId=${programme.id}`,
    );
    assert.deepEqual(
      list.items.map((a) => a.title),
      ['Internal audit Q4'],
    );
    const programmes = await viewer.expect<Page<AuditProgramme>>(200, 'GET', '/api/audit-programmes');
    assert.equal(programmes.items[0]?.auditCount, 1);
  });

  test('bad input is refused with a message naming the problem, and nothing is written', async () => {
    const before = (await manager.expect<Page<AuditSummary>>(200, 'GET', '/api/audits')).total;
    const refuse = async (body: Record<string, unknown>, pattern: RegExp) => {
      const res = await manager.call('POST', '/api/audits', newAudit(body));
      assert.equal(res.statusCode, 400, res.body);
      const { message, details } = res.json().error;
      assert.match(`${message} ${JSON.stringify(details ?? [])}`, pattern);
    };
    await refuse(
      { plannedEnd: '2026-11-30' },
      /planned end 2026-11-30 is before the planned start 2026-12-01/,
    );
    await refuse({ plannedStart: '2026-02-30' }, /plannedStart.*Not a real calendar date/);
    await refuse({ type: 'stage-3' }, /"path":"type"/);
    await refuse({ leadAuditorId: UNKNOWN }, /Unknown lead auditor/);
    await refuse({ leadAuditorId: null }, /Name a lead auditor or an external auditor/);
    await refuse({ frameworkIds: [UNKNOWN] }, /Unknown framework/);
    await refuse({ frameworkIds: [] }, /Choose at least one framework to audit/);
    await refuse({ serviceIds: [UNKNOWN] }, /Unknown service/);
    await refuse({ programmeId: UNKNOWN }, /Unknown audit programme/);
    assert.equal((await manager.expect<Page<AuditSummary>>(200, 'GET', '/api/audits')).total, before);
    await manager.expect(404, 'GET', `/api/audits/${UNKNOWN}`);
  });

  test('an external certification audit names the certification body and covers one service', async () => {
    const org = await manager.expect<{ services: { id: string; name: string }[] }>(
      200,
      'GET',
      '/api/organization',
    );
    const service = org.services[0];
    assert.ok(service, 'the demo organisation has services');
    const audit = await manager.expect<AuditDetail>(
      201,
      'POST',
      '/api/audits',
      newAudit({
        type: 'stage-1',
        leadAuditorId: null,
        externalAuditor: 'Nordic Cert AB',
        serviceIds: [service.id],
      }),
    );
    assert.equal(audit.externalAuditor, 'Nordic Cert AB');
    assert.deepEqual(
      audit.services.map((s) => s.name),
      [service.name],
    );
    const moved = await manager.expect<AuditDetail>(200, 'PATCH', `/api/audits/${audit.id}`, {
      plannedEnd: '2026-12-10',
    });
    assert.equal(moved.plannedEnd, '2026-12-10');
    const bad = await manager.call('PATCH', `/api/audits/${audit.id}`, { plannedStart: '2026-12-11' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /before the planned start/);
  });

  test('an internal audit runs: checklist results, a minor NC finding opens a nonconformity, completion needs a conclusion', async () => {
    const audit = await manager.expect<AuditDetail>(
      201,
      'POST',
      '/api/audits',
      newAudit({ title: 'Annex A walk-through' }),
    );
    const [item] = (
      await auditor.expect<Page<ChecklistItem>>(200, 'GET', `/api/audits/${audit.id}/checklist?q=A.8.8`)
    ).items;
    assert.ok(item);
    const early = await auditor.call('PUT', `/api/audits/${audit.id}/checklist/${item.id}`, {
      result: 'conform',
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error.message, /Start the audit/);

    await auditor.expect(403, 'POST', `/api/audits/${audit.id}/status`, { status: 'in-progress' });
    await manager.expect(200, 'POST', `/api/audits/${audit.id}/status`, { status: 'in-progress' });
    const recorded = await auditor.expect<ChecklistItem>(
      200,
      'PUT',
      `/api/audits/${audit.id}/checklist/${item.id}`,
      {
        result: 'nonconform',
        notes: 'Two hosts missed the last scan',
      },
    );
    assert.equal(recorded.result, 'nonconform');
    assert.equal(recorded.checkedByName, 'Test auditor');
    const badResult = await auditor.call('PUT', `/api/audits/${audit.id}/checklist/${item.id}`, {
      result: 'maybe',
    });
    assert.equal(badResult.statusCode, 400);
    await auditor.expect(404, 'PUT', `/api/audits/${audit.id}/checklist/${UNKNOWN}`, { result: 'conform' });

    const finding = await auditor.expect<Finding>(201, 'POST', `/api/audits/${audit.id}/findings`, {
      type: 'minor-nc',
      description: 'Vulnerability scans do not reach every host',
      checklistItemId: item.id,
    });
    assert.equal(finding.requirementRef, 'A.8.8');
    assert.match(finding.nonconformityRef ?? '', /^NC-\d{3}$/);
    const nc = await viewer.expect<NcDetail>(200, 'GET', `/api/nonconformities/${finding.nonconformityId}`);
    assert.equal(nc.source, 'audit');
    assert.equal(nc.severity, 'minor');
    assert.equal(nc.status, 'open');
    assert.equal(nc.finding?.auditTitle, 'Annex A walk-through');
    assert.match(nc.sourceRef, /Annex A walk-through · ISO\/IEC 27001:2022 A\.8\.8/);

    const observation = await auditor.expect<Finding>(201, 'POST', `/api/audits/${audit.id}/findings`, {
      type: 'observation',
      description: 'Scan reports are kept in two places',
    });
    assert.equal(observation.nonconformityId, null);
    const badFinding = await auditor.call('POST', `/api/audits/${audit.id}/findings`, {
      type: 'observation',
      description: 'x',
      checklistItemId: UNKNOWN,
    });
    assert.equal(badFinding.statusCode, 400);
    assert.match(badFinding.json().error.message, /Unknown checklist item/);
    const findings = await viewer.expect<Page<Finding>>(200, 'GET', `/api/audits/${audit.id}/findings`);
    assert.equal(findings.total, 2);

    const detail = await viewer.expect<AuditDetail>(200, 'GET', `/api/audits/${audit.id}`);
    assert.equal(detail.progress.checked, 1);
    assert.equal(detail.progress.nonconform, 1);
    assert.equal(detail.findingCount, 2);

    const noConclusion = await manager.call('POST', `/api/audits/${audit.id}/status`, {
      status: 'completed',
    });
    assert.equal(noConclusion.statusCode, 400);
    assert.match(noConclusion.json().error.message, /needs a conclusion/);
    const done = await manager.expect<AuditDetail>(200, 'POST', `/api/audits/${audit.id}/status`, {
      status: 'completed',
      conclusion: 'The ISMS is effective apart from one minor nonconformity.',
    });
    assert.equal(done.status, 'completed');
    const late = await auditor.call('POST', `/api/audits/${audit.id}/findings`, {
      type: 'observation',
      description: 'x',
    });
    assert.equal(late.statusCode, 409);
    await manager.expect(409, 'PATCH', `/api/audits/${audit.id}`, { title: 'Renamed' });
    const actions = await auditActions(t);
    for (const a of [
      'audit.created',
      'audit.started',
      'audit.checklist-recorded',
      'finding.raised',
      'nonconformity.raised',
      'audit.completed',
    ])
      assert.ok(actions.includes(a), a);
  });

  test('auditors and viewers may not plan or change audits', async () => {
    await auditor.expect(403, 'POST', '/api/audits', newAudit());
    await auditor.expect(403, 'POST', '/api/audit-programmes', { year: 2027 });
    const [audit] = (await viewer.expect<Page<AuditSummary>>(200, 'GET', '/api/audits')).items;
    assert.ok(audit);
    await auditor.expect(403, 'PATCH', `/api/audits/${audit.id}`, { title: 'Mine now' });
    await viewer.expect(403, 'POST', `/api/audits/${audit.id}/findings`, {
      type: 'observation',
      description: 'x',
    });
  });
});
