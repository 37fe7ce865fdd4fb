import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { recordResult } from '../../../../test/reliability/support/results.js';
import { apiClient } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { drawnText, pdfkitText } from '../../../../test/support/pdf-text.js';
import { sessionHeaders, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { ControlDetail } from '../../../contracts/controls.js';
import type { Framework, RequirementSummary } from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';
import type { FindingSummary, ScanImport, VulnerabilityTarget } from '../../../contracts/vulnerabilities.js';
import { openActivityTasks } from '../../modules/activities/index.js';

/**
 * The scope canary: an auditor scoped to ISO 27001 calls every GET route of the app, with every path
 * parameter filled by the ids of seeded entities, and none of the answers may carry the text of a control
 * mapped only to NIS2 — directly or through an indirect view (questionnaire answers, audit events, tasks,
 * management review, risks, FAQ, service chapters, generated documents, notifications).
 */
const CANARY = 'zq7canary';

async function readable(body: Buffer, contentType: string): Promise<string> {
  if (contentType.includes('pdf')) {
    const texts = [pdfkitText(body)];
    try {
      texts.push(await drawnText(body));
    } catch {
      // Not a pdf-lib document: pdfkit's text is all there is.
    }
    return texts.join('\n');
  }
  if (contentType.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        }),
      ),
    );
    return cells.join('\n');
  }
  return body.toString('utf8');
}

/** A one-finding Trivy report of `image`, whose finding's title is `title`. */
function trivyReport(image: string, id: string, title: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      SchemaVersion: 2,
      CreatedAt: '2026-11-30T08:00:00Z',
      ArtifactName: image,
      ArtifactType: 'container_image',
      Results: [
        {
          Target: `${image} (debian 12)`,
          Class: 'os-pkgs',
          Type: 'debian',
          Vulnerabilities: [
            {
              VulnerabilityID: id,
              PkgName: `pkg-${id.toLowerCase()}`,
              InstalledVersion: '1.0',
              FixedVersion: '1.1',
              Severity: 'CRITICAL',
              Title: title,
            },
          ],
        },
      ],
    }),
  );
}

/**
 * Imports a one-finding scan of `image` and maps its target to a new asset of `serviceId`: the finding
 * belongs to that service.
 */
async function findingOnService(t: TestApp, image: string, title: string, serviceId: string) {
  const admin = apiClient(t, await t.signIn('admin'));
  const form = await multipartBody([], {
    name: `${image}.json`,
    type: 'application/json',
    body: trivyReport(image, `CVE-2026-${image.length}00`, title),
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/vulnerability-scans',
    payload: form.payload,
    headers: { ...sessionHeaders(await t.signIn('admin')), ...form.headers },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal((res.json() as ScanImport).findings, 1);
  const asset = await admin.expect<{ id: string }>(201, 'POST', '/api/assets', {
    name: `Image ${image}`,
    type: 'software',
    serviceId,
  });
  const targets = await admin.expect<Page<VulnerabilityTarget>>(200, 'GET', '/api/vulnerability-targets');
  const target = targets.items.find((x) => x.name === image);
  assert.ok(target, image);
  await admin.expect(200, 'PATCH', `/api/vulnerability-targets/${target.id}`, { assetId: asset.id });
  const findings = await admin.expect<Page<FindingSummary>>(
    200,
    'GET',
    `/api/vulnerabilities?targetId=${target.id}`,
  );
  return { asset: asset.id, target: target.id, finding: findings.items[0]?.id ?? '' };
}

describe('scope canary: a scoped auditor never sees an out-of-scope control through any GET route', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  const seqs: number[] = [];

  before(async () => {
    t = await startTestApp({ TILLIT_API_RATE_LIMIT: '1000000' });
    const admin = apiClient(t, await t.signIn('admin'));
    const adminId = t.users.admin.id;
    const requirement = async (framework: Framework, ref: string) => {
      const page = await admin.expect<Page<RequirementSummary>>(
        200,
        'GET',
        `/api/frameworks/${framework.id}/requirements?pageSize=1000`,
      );
      const hit = page.items.find((r) => r.ref === ref);
      assert.ok(hit, ref);
      return hit.id;
    };
    const iso = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', {
      key: 'iso27001-2022',
    });
    const nis2 = await admin.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'nis2' });
    const service = await admin.expect<{ id: string }>(201, 'POST', '/api/services', {
      name: 'Canary storage',
    });
    const inScope = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Vulnerability management',
      implementation: 'Weekly scans.',
      serviceId: service.id,
      requirementIds: [await requirement(iso, 'A.8.8')],
    });
    const canary = await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
      ref: `CTL-${CANARY}`,
      title: `Reporting clocks ${CANARY}`,
      implementation: `Early warning within 24 hours ${CANARY} implementation text`,
      serviceId: service.id,
      ownerId: adminId,
      requirementIds: [await requirement(nis2, '23(4)(a)')],
    });
    const evidence = await admin.expect<{ id: string }>(201, 'POST', '/api/evidence/links', {
      title: `Drill report ${CANARY}`,
      url: 'https://evidence.example/drill',
      controlIds: [canary.id],
    });
    const check = await admin.expect<{ id: string }>(201, 'POST', '/api/checks', {
      name: `Reporting pipeline ${CANARY}`,
      kind: 'ci-push',
      config: { maxAgeHours: 24 },
      ownerId: adminId,
      controlIds: [canary.id],
    });
    await admin.expect(201, 'POST', `/api/checks/${check.id}/results`, {
      outcome: 'fail',
      summary: `Pipeline broken ${CANARY}`,
    });
    const risk = await admin.expect<{ id: string }>(201, 'POST', '/api/risks', {
      title: 'Late incident report',
      inherentLikelihood: 3,
      inherentImpact: 3,
      controlIds: [canary.id],
    });
    // Shown publicly under a domain of its own: staff see its reference, title and why it is under review.
    await admin.expect(200, 'PUT', '/api/trust-center/public-controls', {
      controls: [{ controlId: canary.id, domain: 'Reporting', publicTitle: null }],
    });
    const section = await admin.expect<{ id: string }>(201, 'POST', '/api/faq/sections', {
      title: 'Incidents',
    });
    const faq = await admin.expect<{ id: string }>(201, 'POST', '/api/faq/entries', {
      sectionId: section.id,
      question: 'How fast do you report incidents?',
      answer: 'Within the legal deadlines.',
      controlIds: [canary.id],
      evidenceIds: [evidence.id],
    });
    const document = await admin.expect<{ id: string }>(201, 'POST', '/api/trust-documents/generated', {
      title: 'Cloud controls',
      kind: 'controls-list',
      accessLevel: 'nda',
    });
    const questionnaire = await t.handle.db
      .insertInto('questionnaires')
      .values({
        organization_id: t.organizationId,
        title: 'Customer questionnaire',
        file_name: 'q.csv',
        file_sha256: '0'.repeat(64),
        file_size: 10,
        format: 'csv',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = await t.handle.db
      .insertInto('questionnaire_items')
      .values({
        organization_id: t.organizationId,
        questionnaire_id: questionnaire.id,
        row_number: 2,
        question: 'Do you report incidents early?',
        status: 'proposed',
        proposed_answer: canary.implementation,
        confidence: 'high',
        score: 0.9,
        sources: JSON.stringify([
          {
            type: 'control',
            id: canary.id,
            title: `${canary.ref} ${canary.title}`,
            ref: canary.ref,
            score: 0.9,
            excerpt: canary.implementation,
          },
        ]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const review = await admin.expect<{ id: string }>(201, 'POST', '/api/management-reviews', {
      title: 'Annual review',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      meetingDate: '2026-12-01',
    });
    await admin.expect(200, 'POST', `/api/management-reviews/${review.id}/assemble`, {});
    const task = await t.handle.db
      .selectFrom('tasks')
      .select('id')
      .where('source_id', '=', check.id)
      .executeTakeFirstOrThrow();
    // A recurring activity for the canary control, with its task already open (the title names the control).
    const activity = await admin.expect<{ id: string }>(201, 'POST', '/api/activities', {
      title: `Reporting drill ${CANARY}`,
      kind: 'dr-test',
      schedule: { type: 'rrule', expression: 'FREQ=MONTHLY', startsAt: '2026-01-01T00:00:00Z' },
      assigneeId: adminId,
      controlIds: [canary.id],
      leadDays: 40,
    });
    await openActivityTasks(t.handle.db, t.config.publicUrl);
    const activityTask = await t.handle.db
      .selectFrom('tasks')
      .innerJoin('activity_occurrences as o', 'o.id', 'tasks.source_id')
      .select('tasks.id')
      .where('o.activity_id', '=', activity.id)
      .executeTakeFirstOrThrow();
    // A vulnerability finding on a service whose only control is NIS2's (out of scope), and one on the service
    // of the in-scope control: the auditor sees the second and nothing of the first.
    const edge = await admin.expect<{ id: string }>(201, 'POST', '/api/services', { name: 'Canary edge' });
    await admin.expect<ControlDetail>(201, 'POST', '/api/controls', {
      title: 'Edge incident reporting',
      implementation: 'Reports to the CSIRT.',
      serviceId: edge.id,
      requirementIds: [await requirement(nis2, '23(4)(a)')],
    });
    const hidden = await findingOnService(
      t,
      'edge-proxy:1',
      `Heap overflow ${CANARY} in edge proxy`,
      edge.id,
    );
    const shown = await findingOnService(t, 'storage-api:1', 'Heap overflow in storage api', service.id);
    await admin.expect(200, 'PUT', `/api/users/${t.users.auditor.id}/framework-scope`, {
      frameworkIds: [iso.id],
    });
    // The auditor also owns work that points at the canary, so their own inbox and tasks are probed too.
    await admin.expect(200, 'PATCH', `/api/tasks/${task.id}`, { assigneeId: t.users.auditor.id });
    for (const [name, id] of Object.entries({
      iso: iso.id,
      nis2: nis2.id,
      service: service.id,
      inScope: inScope.id,
      canary: canary.id,
      evidence: evidence.id,
      check: check.id,
      risk: risk.id,
      section: section.id,
      faq: faq.id,
      document: document.id,
      questionnaire: questionnaire.id,
      item: item.id,
      review: review.id,
      task: task.id,
      activity: activity.id,
      activityTask: activityTask.id,
      edge: edge.id,
      vulnerability: hidden.finding,
      vulnerabilityAsset: hidden.asset,
      vulnerabilityTarget: hidden.target,
      shownVulnerability: shown.finding,
    }))
      ids.set(name, id);
    const events = await t.handle.db.selectFrom('audit_events').select('seq').orderBy('seq').execute();
    seqs.push(...events.map((e) => Number(e.seq)));
  });
  after(() => t.close());

  test('the canary is visible to the admin (the probe would find it)', async () => {
    const admin = apiClient(t, await t.signIn('admin'));
    const res = await admin.call('GET', `/api/controls/${ids.get('canary')}`);
    assert.match(res.body, new RegExp(CANARY));
  });

  test('the auditor sees vulnerability findings of in-scope services, counted; the others not even counted', async () => {
    const auditor = apiClient(t, await t.signIn('auditor'));
    const page = await auditor.expect<Page<FindingSummary>>(200, 'GET', '/api/vulnerabilities?pageSize=200');
    assert.deepEqual(
      page.items.map((f) => f.id),
      [ids.get('shownVulnerability')],
    );
    await auditor.expect(404, 'GET', `/api/vulnerabilities/${ids.get('vulnerability')}`);
    const overview = await auditor.expect<{ open: { critical: number } }>(
      200,
      'GET',
      '/api/vulnerabilities/overview',
    );
    assert.equal(overview.open.critical, 1);
    const targets = await auditor.expect<Page<VulnerabilityTarget>>(200, 'GET', '/api/vulnerability-targets');
    assert.deepEqual(
      targets.items.map((x) => x.name),
      ['storage-api:1'],
    );
    const admin = apiClient(t, await t.signIn('admin'));
    const all = await admin.expect<{ open: { critical: number } }>(
      200,
      'GET',
      '/api/vulnerabilities/overview',
    );
    assert.equal(all.open.critical, 2);
    const hidden = await admin.call('GET', `/api/vulnerabilities/${ids.get('vulnerability')}`);
    assert.match(hidden.body, new RegExp(CANARY));
  });

  test('no GET route answers the ISO-scoped auditor with the NIS2-only canary', async () => {
    const headers = sessionHeaders(await t.signIn('auditor'));
    const entityIds = [...ids.values()];
    const urls = new Set<string>();
    for (const route of t.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))) {
      if (!route.url.includes(':')) {
        urls.add(route.url);
        continue;
      }
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const values = (name: string | undefined): string[] =>
        name === 'seq' ? seqs.map(String) : name === 'number' ? ['1'] : entityIds;
      let filled = [route.url];
      for (const name of params) {
        filled = filled.flatMap((u) => values(name).map((v) => u.replace(`:${name}`, v)));
      }
      for (const u of filled) urls.add(u);
    }
    for (const [key, value] of [
      ['entityId', ids.get('canary')],
      ['entityId', ids.get('check')],
      ['entityId', ids.get('evidence')],
      ['entityType', 'control'],
    ]) {
      urls.add(`/api/audit-events?${key}=${value}`);
    }
    urls.add('/api/tasks?assignee=me');
    urls.add(`/api/vulnerabilities?serviceId=${ids.get('edge')}`);
    urls.add(`/api/vulnerabilities?assetId=${ids.get('vulnerabilityAsset')}`);
    urls.add(`/api/vulnerabilities.csv?targetId=${ids.get('vulnerabilityTarget')}`);
    urls.add('/api/evidence?pageSize=1000');
    const leaks: string[] = [];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      assert.notEqual(res.statusCode, 500, `${url} → 500 ${res.body.slice(0, 300)}`);
      const text = await readable(res.rawPayload, String(res.headers['content-type'] ?? ''));
      if (text.toLowerCase().includes(CANARY)) leaks.push(`${url} → ${res.statusCode}`);
    }
    recordResult({
      area: 'scope canary',
      tried: `${urls.size} GET URLs (every API GET route, parameters filled) as an ISO-scoped auditor`,
      outcome: leaks.length === 0 ? 'held' : 'FAILED',
      detail: leaks.length === 0 ? 'the NIS2-only canary text in no response' : leaks.join(', '),
    });
    assert.deepEqual(leaks, [], 'the out-of-scope canary leaked through these routes');
  });
});
