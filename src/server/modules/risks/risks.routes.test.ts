import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Asset } from '../../../contracts/assets.js';
import type { ControlDetail } from '../../../contracts/controls.js';
import type { Page } from '../../../contracts/paging.js';
import type {
  RiskDetail,
  RiskHeatmap,
  RiskHistoryEvent,
  RiskMatrix,
  RiskOverview,
  RiskSummary,
} from '../../../contracts/risks.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('risk register', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let control: ControlDetail;
  let asset: Asset;

  const count = async () => (await manager.expect<Page<RiskSummary>>(200, 'GET', '/api/risks')).total;
  const refused = async (
    body: object,
    pattern: RegExp,
    url = '/api/risks',
    method: 'POST' | 'PATCH' = 'POST',
  ) => {
    const res = await manager.call(method, url, body);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.message, pattern);
    return res.json().error;
  };

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    contributor = apiClient(t, await t.signIn('contributor'));
    control = await manager.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Encrypted backups in a second data centre',
      status: 'implemented',
    });
    asset = await manager.expect<Asset>(201, 'POST', '/api/assets', {
      name: 'Customer backups',
      type: 'information',
      classification: 'confidential',
    });
  });
  after(() => t.close());

  test('a risk gets the next reference, scores from the default 5×5 matrix and residual defaults to inherent', async () => {
    const risk = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Ransomware encrypts customer backups',
      threat: 'Ransomware',
      vulnerability: 'Backups reachable from the production network',
      assetIds: [asset.id],
      ownerId: t.users.contributor.id,
      inherentLikelihood: 4,
      inherentImpact: 5,
      reviewDate: day(90),
    });
    assert.equal(risk.ref, 'RSK-001');
    assert.deepEqual(risk.inherent, { likelihood: 4, impact: 5, score: 20, level: 'critical' });
    assert.deepEqual(risk.residual, risk.inherent);
    assert.equal(risk.treatment, null);
    assert.equal(risk.status, 'open');
    assert.deepEqual(risk.assets, [{ id: asset.id, name: 'Customer backups' }]);
    assert.equal(risk.reviewOverdue, false);
    const second = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Cooling failure in STO1',
      inherentLikelihood: 2,
      inherentImpact: 4,
      residualLikelihood: 1,
      residualImpact: 3,
      reviewDate: day(-3),
    });
    assert.equal(second.ref, 'RSK-002');
    assert.deepEqual(second.residual, { likelihood: 1, impact: 3, score: 3, level: 'low' });
    assert.equal(second.inherent.level, 'medium');
    assert.equal(second.reviewOverdue, true);
    assert.ok((await auditActions(t)).includes('risk.created'));
  });

  test('bad input is refused with a message naming the problem, and nothing is written', async () => {
    const before = await count();
    const base = { title: 'Bad', inherentLikelihood: 3, inherentImpact: 3 };
    const residual = await refused(
      { ...base, residualLikelihood: 4 },
      /residual likelihood and impact cannot exceed/,
    );
    assert.equal(residual.details[0].path, 'residualLikelihood');
    await refused({ ...base, ownerId: UNKNOWN }, /Unknown owner/);
    const outOfRange = await manager.call('POST', '/api/risks', { ...base, inherentImpact: 6 });
    assert.equal(outOfRange.statusCode, 400);
    assert.match(outOfRange.body, /at most 5 levels/);
    const badTreatment = await manager.call('POST', '/api/risks', { ...base, treatment: 'ignore' });
    assert.equal(badTreatment.statusCode, 400);
    assert.match(badTreatment.body, /treatment/);
    await refused({ ...base, treatment: 'mitigate' }, /Mitigation needs at least one control/);
    await refused({ ...base, treatment: 'mitigate', controlIds: [UNKNOWN] }, /Unknown control/);
    await refused({ ...base, assetIds: [UNKNOWN] }, /Unknown asset/);
    const accept = await refused({ ...base, treatment: 'accept' }, /needs an approver and an expiry date/);
    assert.deepEqual(
      accept.details.map((d: { path: string }) => d.path),
      ['acceptanceApproverId', 'acceptanceExpiresOn'],
    );
    const acceptance = { treatment: 'accept', acceptanceApproverId: t.users['compliance-manager'].id };
    await refused({ ...base, ...acceptance, acceptanceExpiresOn: day(0) }, /must expire after today/);
    await refused(
      { ...base, ...acceptance, acceptanceExpiresOn: day(30), reviewDate: day(60) },
      /review date .* is after the acceptance expires/,
    );
    await refused(
      { ...base, ...acceptance, acceptanceApproverId: t.users.contributor.id, acceptanceExpiresOn: day(30) },
      /approver .* must be a compliance manager or an admin/,
    );
    await refused(
      { ...base, ...acceptance, acceptanceApproverId: UNKNOWN, acceptanceExpiresOn: day(30) },
      /Unknown approver/,
    );
    await refused({ ...base, treatment: 'transfer' }, /party it is transferred to/);
    await refused({ ...base, status: 'accepted' }, /Only a risk treated by acceptance/);
    const badDate = await manager.call('POST', '/api/risks', { ...base, reviewDate: '2027-02-30' });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /YYYY-MM-DD/);
    assert.equal(await count(), before);
  });

  test('a risk is treated with controls; the detail shows them with their status; the history comes from the audit log', async () => {
    const risk = (await manager.expect<Page<RiskSummary>>(200, 'GET', '/api/risks?q=Ransomware')).items[0];
    assert.ok(risk);
    const treated = await manager.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      treatment: 'mitigate',
      controlIds: [control.id],
      residualLikelihood: 2,
      residualImpact: 3,
      status: 'treating',
    });
    assert.deepEqual(treated.controls, [
      { id: control.id, ref: control.ref, title: control.title, status: 'implemented' },
    ]);
    assert.deepEqual(treated.residual, { likelihood: 2, impact: 3, score: 6, level: 'medium' });
    assert.equal(treated.controlCount, 1);
    const tooHigh = await refused(
      { residualImpact: 4, inherentImpact: 3 },
      /cannot exceed/,
      `/api/risks/${risk.id}`,
      'PATCH',
    );
    assert.equal(tooHigh.details[0].path, 'residualImpact');
    const history = await manager.expect<Page<RiskHistoryEvent>>(200, 'GET', `/api/risks/${risk.id}/history`);
    assert.deepEqual(
      history.items.map((e) => e.action),
      ['risk.updated', 'risk.created'],
    );
    const changes = history.items[0]?.data.changes as Record<string, { from: unknown; to: unknown }>;
    assert.deepEqual(changes.treatment, { from: null, to: 'mitigate' });
    assert.deepEqual(changes.controlIds, { from: [], to: [control.id] });
  });

  test('acceptance keeps its approver and expiry; switching to transfer clears them', async () => {
    const risk = (await manager.expect<Page<RiskSummary>>(200, 'GET', '/api/risks?q=Cooling')).items[0];
    assert.ok(risk);
    const accepted = await manager.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      treatment: 'accept',
      acceptanceApproverId: t.users['compliance-manager'].id,
      acceptanceExpiresOn: day(200),
      status: 'accepted',
    });
    assert.equal(accepted.acceptance?.approver.id, t.users['compliance-manager'].id);
    assert.equal(accepted.acceptance?.expiresOn, day(200));
    assert.equal(accepted.acceptance?.expired, false);
    const transferred = await manager.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      treatment: 'transfer',
      transferTo: 'Försäkringsbolaget Trygg',
      status: 'treating',
    });
    assert.equal(transferred.acceptance, null);
    assert.equal(transferred.transferTo, 'Försäkringsbolaget Trygg');
  });

  test('an acceptance that has expired is shown as such and does not block other edits; renewing it must look ahead', async () => {
    const risk = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Single fibre route to OSL1',
      inherentLikelihood: 2,
      inherentImpact: 2,
      treatment: 'accept',
      acceptanceApproverId: t.users['compliance-manager'].id,
      acceptanceExpiresOn: day(10),
      status: 'accepted',
    });
    await t.handle.db
      .updateTable('risks')
      .set({ acceptance_expires_on: day(-1) })
      .where('id', '=', risk.id)
      .execute();
    const edited = await manager.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      description: 'Second route ordered',
    });
    assert.equal(edited.acceptance?.expired, true);
    await refused(
      { acceptanceExpiresOn: day(-1) },
      /must expire after today/,
      `/api/risks/${risk.id}`,
      'PATCH',
    );
    const renewed = await manager.expect<RiskDetail>(200, 'PATCH', `/api/risks/${risk.id}`, {
      acceptanceExpiresOn: day(100),
    });
    assert.equal(renewed.acceptance?.expired, false);
    await manager.expect(204, 'DELETE', `/api/risks/${risk.id}`);
  });

  test('owners change their own risks; others and reassigning need risks.manage', async () => {
    const own = (
      await manager.expect<Page<RiskSummary>>(200, 'GET', `/api/risks?ownerId=${t.users.contributor.id}`)
    ).items;
    assert.deepEqual(
      own.map((r) => r.ref),
      ['RSK-001'],
    );
    const edited = await contributor.expect<RiskDetail>(200, 'PATCH', `/api/risks/${own[0]?.id}`, {
      description: 'Seen at two peers this year',
    });
    assert.equal(edited.description, 'Seen at two peers this year');
    const sameOwner = await contributor.call('PATCH', `/api/risks/${own[0]?.id}`, {
      ownerId: t.users.contributor.id,
      threat: 'Ransomware groups',
    });
    assert.equal(sameOwner.statusCode, 200, 'a form that sends the unchanged owner back is fine');
    const reassign = await contributor.call('PATCH', `/api/risks/${own[0]?.id}`, { ownerId: null });
    assert.equal(reassign.statusCode, 403);
    const other = (await manager.expect<Page<RiskSummary>>(200, 'GET', '/api/risks?q=Cooling')).items[0];
    assert.equal(
      (await contributor.call('PATCH', `/api/risks/${other?.id}`, { title: 'Mine' })).statusCode,
      403,
    );
    assert.equal(
      (await contributor.call('POST', '/api/risks', { title: 'x', inherentLikelihood: 1, inherentImpact: 1 }))
        .statusCode,
      403,
    );
  });

  test('filters by residual level, treatment and overdue review; the overview counts them', async () => {
    const refs = async (q: string) =>
      (await manager.expect<Page<RiskSummary>>(200, 'GET', `/api/risks?${q}`)).items.map((r) => r.ref);
    assert.deepEqual(await refs('level=medium'), ['RSK-001']);
    assert.deepEqual(await refs('level=low'), ['RSK-002']);
    assert.deepEqual(await refs('level=critical'), []);
    assert.deepEqual(await refs('treatment=mitigate'), ['RSK-001']);
    assert.deepEqual(await refs('treatment=none'), []);
    assert.deepEqual(await refs('overdue=true'), ['RSK-002']);
    assert.deepEqual(await refs('overdue=false'), ['RSK-001']);
    assert.deepEqual(await refs(`assetId=${asset.id}`), ['RSK-001']);
    assert.equal((await manager.call('GET', '/api/risks?level=severe')).statusCode, 400);
    const page = await manager.expect<Page<RiskSummary>>(200, 'GET', '/api/risks?pageSize=1&page=2');
    assert.equal(page.total, 2);
    assert.deepEqual(
      page.items.map((r) => r.ref),
      ['RSK-002'],
    );
    const overview = await manager.expect<RiskOverview>(200, 'GET', '/api/risks/overview');
    assert.deepEqual(overview, {
      openByLevel: { low: 1, medium: 1, high: 0, critical: 0 },
      overdueReviews: 1,
      untreated: 0,
    });
  });

  test('the heatmap counts risks per cell, inherent and residual', async () => {
    const heatmap = await manager.expect<RiskHeatmap>(200, 'GET', '/api/risks/heatmap');
    assert.equal(heatmap.likelihoodLabels.length, 5);
    assert.deepEqual(heatmap.inherent, [
      { likelihood: 2, impact: 4, count: 1 },
      { likelihood: 4, impact: 5, count: 1 },
    ]);
    assert.deepEqual(heatmap.residual, [
      { likelihood: 1, impact: 3, count: 1 },
      { likelihood: 2, impact: 3, count: 1 },
    ]);
  });

  test('the treatment plan downloads as XLSX and PDF', async () => {
    const xlsx = await manager.call('GET', '/api/risks/treatment-plan.xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.match(String(xlsx.headers['content-disposition']), /Risk-treatment-plan-.*\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    assert.ok(cells.includes('RSK-001'));
    assert.ok(
      cells.some((c) => c.startsWith(`${control.ref} Encrypted backups`)),
      cells.join('|'),
    );
    assert.ok(cells.includes('Transferred to Försäkringsbolaget Trygg'));
    const pdf = await manager.call('GET', '/api/risks/treatment-plan.pdf');
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  });
});

describe('risk matrix', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
  });
  after(() => t.close());

  const three = {
    likelihoodLabels: ['Low', 'Medium', 'High'],
    impactLabels: ['Minor', 'Moderate', 'Major'],
    bands: { medium: 3, high: 5, critical: 8 },
  };

  test('the default is 5×5; a smaller matrix is refused while risks use values outside it', async () => {
    const matrix = await manager.expect<RiskMatrix>(200, 'GET', '/api/risk-matrix');
    assert.deepEqual(matrix.likelihoodLabels, ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    assert.equal(matrix.updatedAt, null);
    const risk = await manager.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Fibre cut between STO1 and STO2',
      inherentLikelihood: 4,
      inherentImpact: 2,
    });
    const shrink = await manager.call('PUT', '/api/risk-matrix', three);
    assert.equal(shrink.statusCode, 409);
    assert.match(shrink.json().error.message, /1 risk\(s\) are assessed above a 3×3 matrix/);
    assert.equal((await manager.expect<RiskMatrix>(200, 'GET', '/api/risk-matrix')).updatedAt, null);
    await manager.expect(200, 'PATCH', `/api/risks/${risk.id}`, {
      inherentLikelihood: 3,
      residualLikelihood: 3,
    });
    const saved = await manager.expect<RiskMatrix>(200, 'PUT', '/api/risk-matrix', three);
    assert.deepEqual(saved.bands, three.bands);
    const detail = await manager.expect<RiskDetail>(200, 'GET', `/api/risks/${risk.id}`);
    assert.deepEqual(detail.inherent, { likelihood: 3, impact: 2, score: 6, level: 'high' });
    const outside = await manager.call('PATCH', `/api/risks/${risk.id}`, { inherentImpact: 4 });
    assert.equal(outside.statusCode, 400);
    assert.match(
      outside.json().error.message,
      /Impact 4 is outside the risk matrix, which has 3 impact levels/,
    );
    assert.ok((await auditActions(t)).includes('risk-matrix.updated'));
  });

  test('invalid matrices are refused with the reason', async () => {
    const put = (body: object) => manager.call('PUT', '/api/risk-matrix', body);
    const tooMany = await put({ ...three, impactLabels: ['1', '2', '3', '4', '5', '6'] });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.body, /3 to 5 levels/);
    const tooFew = await put({ ...three, likelihoodLabels: ['Low', 'High'] });
    assert.equal(tooFew.statusCode, 400);
    const order = await put({ ...three, bands: { medium: 5, high: 4, critical: 8 } });
    assert.equal(order.statusCode, 400);
    assert.match(order.json().error.message, /Score bands must rise/);
    const above = await put({ ...three, bands: { medium: 3, high: 5, critical: 10 } });
    assert.equal(above.statusCode, 400);
    assert.match(
      above.json().error.message,
      /critical threshold 10 is above the highest score of this matrix \(9\)/,
    );
    const blank = await put({ ...three, impactLabels: ['Minor', ' ', 'Major'] });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /Every level needs a label/);
  });
});
