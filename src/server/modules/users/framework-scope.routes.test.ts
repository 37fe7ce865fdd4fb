import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { addLinkEvidence, requirementIdOf } from '../../../../test/support/scoped-auditor.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { ControlDetail } from '../../../contracts/controls.js';
import type { Coverage, Framework } from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';

describe('auditors see only the frameworks they are scoped to', () => {
  let t: TestApp;
  let admin: ReturnType<typeof apiClient>;
  let auditor: ReturnType<typeof apiClient>;
  let iso: Framework;
  let nis2: Framework;
  let isoControl: ControlDetail;
  let nis2Control: ControlDetail;
  let nis2Evidence: string;

  const requirementId = (framework: Framework, ref: string) => requirementIdOf(admin, framework, ref);
  const addEvidence = (controlId: string, title: string) => addLinkEvidence(t, controlId, title);

  before(async () => {
    t = await startTestApp();
    admin = apiClient(t, await t.signIn('admin'));
    auditor = apiClient(t, await t.signIn('auditor'));
    iso = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    nis2 = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'nis2' });
    isoControl = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Vulnerability management',
      requirementIds: [await requirementId(iso, 'A.8.8')],
    });
    nis2Control = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Incident reporting clocks',
      requirementIds: [await requirementId(nis2, '23(4)(a)')],
    });
    await addEvidence(isoControl.id, 'Scan report');
    nis2Evidence = await addEvidence(nis2Control.id, 'Reporting drill');
  });
  after(() => t.close());

  test('an auditor without a scope sees no framework, control or evidence', async () => {
    assert.equal((await auditor.expect<Page<Framework>>(200, 'GET', '/api/frameworks')).total, 0);
    assert.equal((await auditor.expect<Page<ControlDetail>>(200, 'GET', '/api/controls')).total, 0);
    assert.equal((await auditor.expect<Page<unknown>>(200, 'GET', '/api/evidence')).total, 0);
    await auditor.expect(404, 'GET', `/api/frameworks/${iso.id}/soa`);
  });

  test('scoped to ISO 27001: its requirements, controls and evidence, nothing of NIS2', async () => {
    await admin.expect(200, 'PUT', `/api/users/${t.users.auditor.id}/framework-scope`, {
      frameworkIds: [iso.id],
    });
    assert.equal((await auditActions(t)).at(-1), 'user.framework-scope-set');
    const frameworks = await auditor.expect<Page<Framework>>(200, 'GET', '/api/frameworks');
    assert.deepEqual(
      frameworks.items.map((f) => f.key),
      ['iso27001-2022'],
    );
    const controls = await auditor.expect<Page<ControlDetail>>(200, 'GET', '/api/controls');
    assert.deepEqual(
      controls.items.map((c) => c.id),
      [isoControl.id],
    );
    await auditor.expect(404, 'GET', `/api/controls/${nis2Control.id}`);
    await auditor.expect(404, 'GET', `/api/frameworks/${nis2.id}/requirements`);
    await auditor.expect(404, 'GET', `/api/requirements/${await requirementId(nis2, '23(4)(a)')}`);
    await auditor.expect(404, 'GET', `/api/evidence/${nis2Evidence}`);
    const evidence = await auditor.expect<Page<{ title: string }>>(200, 'GET', '/api/evidence');
    assert.deepEqual(
      evidence.items.map((e) => e.title),
      ['Scan report'],
    );
    const coverage = await auditor.expect<Coverage[]>(200, 'GET', '/api/coverage');
    assert.deepEqual(
      coverage.map((c) => c.frameworkKey),
      ['iso27001-2022'],
    );
    await auditor.expect(200, 'GET', `/api/frameworks/${iso.id}/soa`);
  });

  test('audits: those of scoped frameworks and those the auditor leads; not others', async () => {
    const audit = (title: string, frameworkId: string, leadAuditorId: string) =>
      admin.expect<{ id: string }>(201, 'POST', '/api/audits', {
        title,
        type: 'internal',
        plannedStart: '2026-12-01',
        plannedEnd: '2026-12-03',
        leadAuditorId,
        frameworkIds: [frameworkId],
      });
    const ofIso = await audit('ISO audit', iso.id, t.users.admin.id);
    const ledNis2 = await audit('NIS2 audit led by the auditor', nis2.id, t.users.auditor.id);
    const otherNis2 = await audit('NIS2 audit led by someone else', nis2.id, t.users.admin.id);
    await auditor.expect(200, 'GET', `/api/audits/${ofIso.id}`);
    await auditor.expect(200, 'GET', `/api/audits/${ledNis2.id}`);
    await auditor.expect(404, 'GET', `/api/audits/${otherNis2.id}`);
    const list = await auditor.expect<Page<{ title: string }>>(200, 'GET', '/api/audits');
    assert.deepEqual(list.items.map((a) => a.title).sort(), ['ISO audit', 'NIS2 audit led by the auditor']);
  });

  test('other roles are not scoped, and only auditors can be', async () => {
    const viewer = apiClient(t, await t.signIn('viewer'));
    assert.equal((await viewer.expect<Page<Framework>>(200, 'GET', '/api/frameworks')).total, 2);
    const refused = await admin.call('PUT', `/api/users/${t.users.viewer.id}/framework-scope`, {
      frameworkIds: [iso.id],
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /auditors only/);
    const unknown = await admin.call('PUT', `/api/users/${t.users.auditor.id}/framework-scope`, {
      frameworkIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.statusCode, 400);
    const kept = await admin.expect<{ frameworkIds: string[] }>(
      200,
      'GET',
      `/api/users/${t.users.auditor.id}/framework-scope`,
    );
    assert.deepEqual(kept.frameworkIds, [iso.id]);
  });
});
