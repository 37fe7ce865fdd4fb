import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { sharedData } from '../../../../test/support/paths.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import type { Asset } from '../../../contracts/assets.js';
import type { Page } from '../../../contracts/paging.js';
import type { RiskDetail } from '../../../contracts/risks.js';
import type {
  FindingDetail,
  FindingSummary,
  ScanImport,
  VulnerabilityOverview,
  VulnerabilityTarget,
} from '../../../contracts/vulnerabilities.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const trivyText = readFileSync(sharedData('scb-trivy-juice-shop-v12.10.2.json'), 'utf8');

interface TrivyReport {
  CreatedAt: string;
  Results: { Vulnerabilities?: { VulnerabilityID: string }[] }[];
}

/** The juice-shop report as a later scan: `drop` vulnerabilities of the OS result gone, a new scan time. */
function laterTrivy(createdAt: string, drop: number): Buffer {
  const report = JSON.parse(trivyText) as TrivyReport;
  report.CreatedAt = createdAt;
  report.Results[0]?.Vulnerabilities?.splice(0, drop);
  return Buffer.from(JSON.stringify(report));
}

describe('vulnerability management', () => {
  let t: TestApp;
  let manager: Session;
  let api: ReturnType<typeof apiClient>;

  const upload = async (session: Session, name: string, body: Buffer, target?: string) => {
    const form = await multipartBody(target ? [['target', target]] : [], {
      name,
      type: 'application/octet-stream',
      body,
    });
    return t.app.inject({
      method: 'POST',
      url: '/api/vulnerability-scans',
      payload: form.payload,
      headers: { ...sessionHeaders(session), ...form.headers },
    });
  };
  const imported = async (name: string, body: Buffer, target?: string, status = 201) => {
    const res = await upload(manager, name, body, target);
    assert.equal(res.statusCode, status, res.body);
    return res.json() as ScanImport;
  };
  const rows = async () => {
    const db = t.handle.db;
    const [scans, findings] = await Promise.all([
      db
        .selectFrom('vulnerability_scans')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('vulnerability_findings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { scans: Number(scans.n), findings: Number(findings.n) };
  };
  const list = (query = '') =>
    api.expect<Page<FindingSummary>>(200, 'GET', `/api/vulnerabilities?pageSize=200${query}`);

  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
    api = apiClient(t, manager);
    const iso = await api.expect<{ id: string }>(201, 'POST', '/api/frameworks/builtin', {
      key: 'iso27001-2022',
    });
    const requirements = await api.expect<Page<{ id: string; ref: string }>>(
      200,
      'GET',
      `/api/frameworks/${iso.id}/requirements?pageSize=1000`,
    );
    await api.expect(201, 'POST', '/api/controls', {
      title: 'Vulnerability management',
      requirementIds: [requirements.items.find((r) => r.ref === 'A.8.8')?.id],
    });
  });
  after(() => t.close());

  test('a Trivy report imports whole, with fix-by dates from the default SLA and one audit event with counts', async () => {
    const result = await imported('juice-shop.json', Buffer.from(trivyText));
    assert.equal(result.format, 'trivy');
    assert.equal(result.targets, 1);
    assert.equal(result.new, result.findings);
    assert.equal(result.findings, 182);
    const page = await list('&state=active');
    assert.equal(page.total, result.findings);
    const critical = page.items.find((f) => f.severity === 'critical');
    assert.equal(critical?.target.name, 'bkimminich/juice-shop:v12.10.2');
    assert.equal(critical?.fixBy, '2024-11-04', 'critical: scan date 2024-10-28 + 7 days');
    assert.equal(critical?.overdue, true);
    const actions = await auditActions(t);
    assert.equal(actions.filter((a) => a === 'vulnerability-scan.imported').length, 1);
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'vulnerability-scan.imported')
      .executeTakeFirstOrThrow();
    assert.equal((event.data as { new: number }).new, result.findings);
    // Recorded as evidence of the controls for A.8.8 / NIS2 21(2)(e), dated when the scan ran.
    const evidence = await api.expect<
      Page<{ title: string; validFrom: string; controls: { ref: string }[] }>
    >(200, 'GET', '/api/evidence?pageSize=200');
    const scanEvidence = evidence.items.find(
      (e) => e.title === 'Vulnerability scan: juice-shop.json (trivy)',
    );
    assert.ok(scanEvidence, 'the import is evidence');
    assert.ok(scanEvidence.controls.length > 0);
    assert.equal(scanEvidence.validFrom.slice(0, 10), '2024-10-28');
  });

  test('the same report again changes nothing', async () => {
    const before = await rows();
    const events = (await auditActions(t)).length;
    const stamp = await t.handle.db
      .selectFrom('vulnerability_findings')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirstOrThrow();
    const again = await imported('juice-shop-again.json', Buffer.from(trivyText), undefined, 200);
    assert.equal(again.duplicate, true);
    assert.deepEqual(await rows(), before);
    assert.equal((await auditActions(t)).length, events);
    const after = await t.handle.db
      .selectFrom('vulnerability_findings')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirstOrThrow();
    assert.deepEqual(after.at, stamp.at);
  });

  test('a newer scan without a finding closes it as fixed by that scan; a later scan with it reopens it', async () => {
    const newer = await imported('juice-shop-nov.json', laterTrivy('2024-11-04T10:00:00Z', 3));
    assert.equal(newer.fixed, 3);
    assert.equal(newer.new, 0);
    const fixed = await list('&state=fixed');
    assert.equal(fixed.total, 3);
    const detail = await api.expect<FindingDetail>(200, 'GET', `/api/vulnerabilities/${fixed.items[0]?.id}`);
    assert.equal(detail.fixedByScanId, newer.scanId);
    // An older report imported late proves nothing: it neither reopens nor closes.
    const older = await imported('juice-shop-oct.json', laterTrivy('2024-10-01T10:00:00Z', 0));
    assert.deepEqual([older.reopened, older.fixed], [0, 0]);
    const back = await imported('juice-shop-dec.json', laterTrivy('2024-12-02T10:00:00Z', 0));
    assert.deepEqual([back.reopened, back.fixed, back.new], [3, 0, 0]);
    assert.equal((await list('&state=fixed')).total, 0);
  });

  test('Nessus hosts become targets; Grype names its image; a target can be mapped to an asset', async () => {
    const nessus = await imported('scan.nessus', readFileSync(sharedData('dd-nessus_with_cvssv3.nessus')));
    // 26 items, of which plugin 58987 is reported twice on 80/tcp: one finding.
    assert.deepEqual([nessus.format, nessus.findings, nessus.targets], ['nessus', 25, 1]);
    const grype = await imported('grype.json', readFileSync(sharedData('dd-grype-issue_9618.json')));
    assert.equal(grype.targets, 1);
    const targets = await api.expect<Page<VulnerabilityTarget>>(200, 'GET', '/api/vulnerability-targets');
    const names = targets.items.map((x) => x.name);
    assert.ok(names.includes('testphp.vulnweb.com'));
    assert.ok(names.includes('quay.io/cloudservices/xjoin-kafka-connect-strimzi:latest'));
    const asset = await api.expect<Asset>(201, 'POST', '/api/assets', {
      name: 'Test PHP web server',
      type: 'software',
      classification: 'internal',
    });
    const host = targets.items.find((x) => x.name === 'testphp.vulnweb.com');
    const mapped = await api.expect<VulnerabilityTarget>(
      200,
      'PATCH',
      `/api/vulnerability-targets/${host?.id}`,
      {
        assetId: asset.id,
      },
    );
    assert.equal(mapped.asset?.name, 'Test PHP web server');
    assert.equal((await list(`&assetId=${asset.id}`)).total, 25);
  });

  test('wrong-format, truncated and hostile reports are refused with 400 and nothing is written', async () => {
    const before = await rows();
    const events = (await auditActions(t)).length;
    const cases: [string, Buffer, RegExp][] = [
      ['catalog.json', readFileSync(sharedData('oscal-basic-catalog.json')), /not a vulnerability report/],
      ['half.json', Buffer.from(laterTrivy('2025-01-06T00:00:00Z', 0).subarray(0, 300_000)), /ends early/],
      [
        'lol.nessus',
        Buffer.from('<!DOCTYPE r [<!ENTITY a "aaaa">]><NessusClientData_v2>&a;</NessusClientData_v2>'),
        /DOCTYPE/,
      ],
      ['deep.json', Buffer.from(`{"SchemaVersion":2,"Results":${'['.repeat(5000)}`), /nests deeper/],
      [
        'fluentd.cdx.json',
        readFileSync(sharedData('trivy-fluentd.cdx.json')).subarray(0, 100),
        /ends early|not valid/,
      ],
    ];
    for (const [name, body, message] of cases) {
      const res = await upload(manager, name, body);
      assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
      assert.match(res.json().error.message, message, name);
    }
    // A report that names no target needs one.
    const sarif = await upload(manager, 'dc.sarif', readFileSync(sharedData('dd-dependency_check.sarif')));
    assert.equal(sarif.statusCode, 400);
    assert.match(sarif.json().error.message, /give a target/);
    assert.deepEqual(await rows(), before);
    assert.equal((await auditActions(t)).length, events);
    const named = await imported(
      'dc.sarif',
      readFileSync(sharedData('dd-dependency_check.sarif')),
      'git:webshop',
    );
    assert.equal(named.targets, 1);
  });

  test('triage: accepted needs a risk, a reason and an expiry; false positive a reason; not affected a justification', async () => {
    const [a, b, c] = (await list('&state=open&severity=high')).items;
    assert.ok(a && b && c);
    const accept = { state: 'accepted', reason: 'Not reachable from the internet', until: day(60) };
    const noRisk = await api.call('PUT', `/api/vulnerabilities/${a.id}/state`, accept);
    assert.equal(noRisk.statusCode, 400);
    const risk = await api.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Unpatched libraries in the shop image',
      inherentLikelihood: 2,
      inherentImpact: 3,
    });
    const accepted = await api.expect<FindingDetail>(200, 'PUT', `/api/vulnerabilities/${a.id}/state`, {
      ...accept,
      riskId: risk.id,
    });
    assert.equal(accepted.state, 'accepted');
    assert.equal(accepted.acceptance?.riskId, risk.id);
    assert.equal(accepted.acceptance?.approver.id, t.users['compliance-manager'].id);
    const past = await api.call('PUT', `/api/vulnerabilities/${b.id}/state`, {
      ...accept,
      riskId: risk.id,
      until: day(-1),
    });
    assert.equal(past.statusCode, 400);
    const fp = await api.expect<FindingDetail>(200, 'PUT', `/api/vulnerabilities/${b.id}/state`, {
      state: 'false_positive',
      reason: 'The package is only a build dependency',
    });
    assert.equal(fp.stateReason, 'The package is only a build dependency');
    const na = await api.expect<FindingDetail>(200, 'PUT', `/api/vulnerabilities/${c.id}/state`, {
      state: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
    });
    assert.equal(na.vexJustification, 'vulnerable_code_not_in_execute_path');
    const events = await auditActions(t);
    assert.equal(events.filter((e) => e === 'vulnerability.state-changed').length, 3);
    const overview = await api.expect<VulnerabilityOverview>(200, 'GET', '/api/vulnerabilities/overview');
    assert.ok(overview.open.critical > 0);
    assert.ok(overview.overdue.high > 0);
    assert.equal(overview.trend.length, 12);
  });

  test('the CSV export is filtered like the list and formula-safe', async () => {
    const hostile = await imported(
      'hostile.sarif',
      Buffer.from(
        JSON.stringify({
          version: '2.1.0',
          runs: [
            {
              tool: { driver: { name: 'x' } },
              results: [{ ruleId: '=HYPERLINK("http://evil")', level: 'error' }],
            },
          ],
        }),
      ),
      'git:hostile',
    );
    assert.equal(hostile.findings, 1);
    const res = await api.call('GET', '/api/vulnerabilities.csv?severity=high&state=open');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const body = res.body.replace(/^\uFEFF/, '');
    assert.match(body, /^Identifier,Title,Severity,State,Target/);
    const page = await list('&severity=high&state=open');
    for (const f of page.items.filter((x) => !x.primaryId.startsWith('=')))
      assert.ok(body.includes(f.primaryId), f.primaryId);
    assert.ok(!body.includes(',low,'), 'only high findings');
    assert.ok(body.includes(`"'=HYPERLINK`), 'the formula is escaped');
    assert.ok(!/(^|,)"?=HYPERLINK/m.test(body));
  });

  test('the XLSX export is filtered like the list, and a formula in a report stays text', async () => {
    const res = await api.call('GET', '/api/vulnerabilities.xlsx?q=HYPERLINK');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Findings');
    assert.ok(sheet);
    assert.equal(sheet.getRow(1).getCell(1).value, 'Identifier');
    assert.equal(sheet.rowCount, 2, 'the header and the one matching finding');
    const cell = sheet.getRow(2).getCell(1);
    assert.equal(cell.type, ExcelJS.ValueType.String);
    assert.equal(cell.value, '=HYPERLINK("http://evil")');
    const all = await api.call('GET', '/api/vulnerabilities.xlsx');
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const total = (await list('')).total;
    assert.equal(whole.getWorksheet('Findings')?.rowCount, total + 1);
  });

  test('roles: a contributor imports but cannot triage; a viewer reads only', async () => {
    const contributor = await t.signIn('contributor');
    const viewer = await t.signIn('viewer');
    const [finding] = (await list('&state=open')).items;
    const body = Buffer.from(readFileSync(sharedData('openvas-one_vuln.xml')));
    assert.equal((await upload(viewer, 'one.xml', body)).statusCode, 403);
    assert.equal((await upload(contributor, 'one.xml', body)).statusCode, 201);
    const triage = await apiClient(t, contributor).call('PUT', `/api/vulnerabilities/${finding?.id}/state`, {
      state: 'in_progress',
    });
    assert.equal(triage.statusCode, 403);
    assert.equal((await apiClient(t, viewer).call('GET', '/api/vulnerabilities')).statusCode, 200);
  });

  test("another organisation's findings are invisible, and its import of the same file is its own", async () => {
    const org = await t.handle.db
      .insertInto('organizations')
      .values({ name: 'Other AB', security_contact_email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { importScan } = await import('./index.js');
    const ctx = { ...t.systemContext(), organizationId: org.id };
    const body = Buffer.from(trivyText);
    const { createHash } = await import('node:crypto');
    const { Readable } = await import('node:stream');
    const theirs = await importScan(ctx, {
      fileName: 'juice.json',
      sha256: createHash('sha256').update(body).digest('hex'),
      read: () => Readable.from([body]),
    });
    assert.equal(theirs.duplicate, false);
    const foreign = await t.handle.db
      .selectFrom('vulnerability_findings')
      .select('id')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    assert.equal((await api.call('GET', `/api/vulnerabilities/${foreign.id}`)).statusCode, 404);
    assert.equal(
      (await api.call('PUT', `/api/vulnerabilities/${foreign.id}/state`, { state: 'in_progress' }))
        .statusCode,
      404,
    );
    assert.ok(!(await list()).items.some((f) => f.id === foreign.id));
  });
});
