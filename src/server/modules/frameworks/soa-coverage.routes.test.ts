import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { apiClient } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { ControlDetail } from '../../../contracts/controls.js';
import type { Coverage, Framework, RequirementSummary } from '../../../contracts/frameworks.js';
import type { Organization } from '../../../contracts/organization.js';
import type { Page } from '../../../contracts/paging.js';
import type { SoaDocument } from '../../../contracts/soa.js';

describe('Statement of Applicability and coverage', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let iso: Framework;
  let refs: Map<string, RequirementSummary>;
  let org: Organization;
  const coverage = async (query = '') => {
    const all = await api.expect<Coverage[]>(200, 'GET', `/api/coverage${query}`);
    const hit = all.find((c) => c.frameworkKey === 'iso27001-2022');
    assert.ok(hit);
    return hit;
  };
  const id = (ref: string) => {
    const r = refs.get(ref);
    assert.ok(r, ref);
    return r.id;
  };
  const decide = (ref: string, applicable: boolean) =>
    api.expect(200, 'PUT', `/api/requirements/${id(ref)}/applicability`, {
      applicable,
      justification: applicable ? 'Applies to our cloud services' : 'We run no such activity — åäö',
    });

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
    iso = await api.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    const page = await api.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/requirements?pageSize=1000`,
    );
    refs = new Map(page.items.map((r) => [r.ref, r]));
    org = await api.expect<Organization>(200, 'GET', '/api/organization');
  });
  after(() => t.close());

  test('coverage starts empty and moves as applicability and controls change', async () => {
    const start = await coverage();
    assert.equal(start.requirements, iso.requirementCount);
    assert.equal(start.undecided, iso.requirementCount);
    assert.equal(start.covered, 0);

    await decide('A.5.1', true);
    await decide('A.8.8', true);
    await decide('A.7.4', false);
    let c = await coverage();
    assert.deepEqual([c.applicable, c.notApplicable, c.undecided], [2, 1, iso.requirementCount - 3]);
    assert.equal(c.covered, 0);

    const control = await api.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Information security policy set',
      requirementIds: [id('A.5.1')],
    });
    c = await coverage();
    assert.deepEqual([c.covered, c.implemented, c.controls, c.controlsImplemented], [1, 0, 1, 0]);
    assert.equal(c.evidenceMissing, 1);

    await api.expect(200, 'PATCH', `/api/controls/${control.id}`, { status: 'implemented' });
    c = await coverage();
    assert.deepEqual([c.covered, c.implemented, c.controlsImplemented], [1, 1, 1]);
  });

  test('evidence makes a control fresh, expiry makes it stale, and a failing check marks it failing', async () => {
    const control = await api.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Patch management',
      requirementIds: [id('A.8.8')],
    });
    const org = t.organizationId;
    const addEvidence = async (validFrom: string, expiresAt: string | null) => {
      const row = await sql<{
        id: string;
      }>`INSERT INTO evidence (organization_id, kind, title, url, valid_from, expires_at)
        VALUES (${org}, 'link', 'Scan report', 'https://scans.example/1', ${validFrom}::timestamptz,
          ${expiresAt}::timestamptz) RETURNING id`.execute(t.handle.db);
      await sql`INSERT INTO evidence_controls (organization_id, evidence_id, control_id)
        VALUES (${org}, ${row.rows[0]?.id}, ${control.id})`.execute(t.handle.db);
    };
    await addEvidence('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z');
    let c = await coverage();
    assert.deepEqual([c.evidenceFresh, c.evidenceStale, c.evidenceMissing], [0, 1, 1]);
    const stale = await api.expect<ControlDetail>(200, 'GET', `/api/controls/${control.id}`);
    assert.equal(stale.evidenceState, 'stale');
    await addEvidence(new Date(Date.now() - 86_400_000).toISOString(), null);
    c = await coverage();
    assert.deepEqual([c.evidenceFresh, c.evidenceStale, c.evidenceMissing], [1, 0, 1]);
    const check = await sql<{ id: string }>`INSERT INTO checks (organization_id, name, kind, config,
        evidence_validity_days, status) VALUES (${org}, 'Weekly scan', 'ci-push', '{"maxAgeHours": 200}', 7, 'failing')
      RETURNING id`.execute(t.handle.db);
    await sql`INSERT INTO check_controls (organization_id, check_id, control_id)
      VALUES (${org}, ${check.rows[0]?.id}, ${control.id})`.execute(t.handle.db);
    assert.equal((await coverage()).failingControls, 1);
    const failing = await api.expect<{ items: { ref: string }[] }>(200, 'GET', '/api/controls?failing=true');
    assert.deepEqual(
      failing.items.map((x) => x.ref),
      [control.ref],
    );
    const drill = await api.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/coverage/requirements?filter=failing`,
    );
    assert.deepEqual(
      drill.items.map((r) => r.ref),
      ['A.8.8'],
    );
    await api.expect(204, 'DELETE', `/api/controls/${control.id}`);
    await sql`DELETE FROM checks WHERE id = ${check.rows[0]?.id}`.execute(t.handle.db);
    c = await coverage();
    assert.deepEqual([c.evidenceFresh, c.failingControls], [0, 0]);
  });

  test('drill-down lists exactly the requirements behind a figure', async () => {
    const list = async (filter: string) =>
      (
        await api.expect<Page<RequirementSummary>>(
          200,
          'GET',
          `/api/frameworks/${iso.id}/coverage/requirements?filter=${filter}&pageSize=200`,
        )
      ).items.map((r) => r.ref);
    assert.deepEqual(await list('uncovered'), ['A.8.8']);
    assert.deepEqual(await list('evidence-missing'), ['A.5.1']);
    assert.deepEqual(await list('failing'), []);
    assert.ok((await list('undecided')).includes('A.5.2'));
    assert.ok(!(await list('undecided')).includes('A.7.4'));
  });

  test('the SoA lists every Annex A control with applicability, justification, status and controls', async () => {
    const soa = await api.expect<SoaDocument>(200, 'GET', `/api/frameworks/${iso.id}/soa`);
    assert.equal(soa.organizationName, 'Norrsken Cloud AB');
    assert.equal(soa.serviceName, null);
    const annexA = soa.rows.filter((r) => r.ref.startsWith('A.'));
    assert.equal(annexA.length, 93);
    const a51 = soa.rows.find((r) => r.ref === 'A.5.1');
    assert.equal(a51?.applicable, true);
    assert.equal(a51?.implementationStatus, 'implemented');
    assert.deepEqual(
      a51?.controls.map((c) => [c.ref, c.scope, c.status]),
      [['CTL-001', 'Baseline', 'implemented']],
    );
    assert.ok(a51?.group, 'each row names its group');
    const a74 = soa.rows.find((r) => r.ref === 'A.7.4');
    assert.equal(a74?.implementationStatus, 'not-applicable');
    assert.equal(a74?.justification, 'We run no such activity — åäö');
    assert.equal(soa.rows.find((r) => r.ref === 'A.8.8')?.implementationStatus, 'not-addressed');
    assert.equal(soa.rows.find((r) => r.ref === 'A.5.2')?.implementationStatus, 'undecided');
  });

  test('the per-service view counts the baseline and that service only', async () => {
    const compute = org.services.find((s) => s.name === 'Compute');
    const storage = org.services.find((s) => s.name === 'Object Storage');
    assert.ok(compute && storage);
    await api.expect(201, 'POST', '/api/controls', {
      title: 'Patch hypervisors within a week',
      serviceId: compute.id,
      requirementIds: [id('A.8.8')],
    });
    const forCompute = await api.expect<SoaDocument>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/soa?serviceId=${compute.id}`,
    );
    assert.equal(forCompute.serviceName, 'Compute');
    assert.deepEqual(
      forCompute.rows.find((r) => r.ref === 'A.8.8')?.controls.map((c) => c.scope),
      ['Compute'],
    );
    const forStorage = await api.expect<SoaDocument>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/soa?serviceId=${storage.id}`,
    );
    assert.equal(forStorage.rows.find((r) => r.ref === 'A.8.8')?.implementationStatus, 'not-addressed');
    assert.equal(
      forStorage.rows.find((r) => r.ref === 'A.5.1')?.controls.length,
      1,
      'baseline counts everywhere',
    );
    assert.equal((await coverage(`?serviceId=${storage.id}`)).covered, 1);
    assert.equal((await coverage(`?serviceId=${compute.id}`)).covered, 2);
    await api.expect(
      404,
      'GET',
      `/api/frameworks/${iso.id}/soa?serviceId=00000000-0000-4000-8000-000000000000`,
    );
  });

  test('exports: XLSX with every row as text, CSV that is formula-safe, and a PDF', async () => {
    await api.expect(201, 'POST', '/api/controls', {
      title: '=HYPERLINK("http://evil.example","click")',
      requirementIds: [id('A.5.1')],
    });
    const xlsx = await api.call('GET', `/api/frameworks/${iso.id}/soa.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(xlsx.headers['content-type'] as string, /spreadsheetml/);
    assert.match(xlsx.headers['content-disposition'] as string, /attachment; filename="SoA-.*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    const texts: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `cell ${cell.address} is a formula`);
        texts.push(String(cell.value));
      });
    });
    assert.ok(
      texts.some((v) => v.includes('A.8.34')),
      'the last Annex A control is in the sheet',
    );
    assert.ok(texts.some((v) => v.includes('We run no such activity — åäö')));

    const csv = await api.call('GET', `/api/frameworks/${iso.id}/soa.csv`);
    assert.equal(csv.statusCode, 200);
    assert.doesNotMatch(csv.body, /[,"]=HYPERLINK/);
    assert.match(csv.body, /A\.7\.4/);

    const pdf = await api.call('GET', `/api/frameworks/${iso.id}/soa.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });
});
