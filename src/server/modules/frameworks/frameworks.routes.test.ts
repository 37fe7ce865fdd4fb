import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiClient, auditActions } from '../../../../test/support/api.js';
import { sharedData } from '../../../../test/support/paths.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type {
  Framework,
  LibraryFramework,
  RequirementDetail,
  RequirementSummary,
} from '../../../contracts/frameworks.js';
import type { Page } from '../../../contracts/paging.js';

const nistLow = JSON.parse(
  readFileSync(sharedData('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json'), 'utf8'),
);

/** Counts controls and enhancements in an OSCAL catalog independently of the importer. */
function countOscalControls(node: { groups?: unknown[]; controls?: unknown[] }): number {
  let n = 0;
  for (const g of (node.groups ?? []) as { groups?: unknown[]; controls?: unknown[] }[])
    n += countOscalControls(g);
  for (const c of (node.controls ?? []) as { controls?: unknown[] }[]) n += 1 + countOscalControls(c);
  return n;
}

describe('frameworks, requirements, applicability and mappings', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let iso: Framework;
  const requirementsOf = async (frameworkId: string, query = '') =>
    api.expect<Page<RequirementSummary>>(
      200,
      'GET',
      `/api/frameworks/${frameworkId}/requirements?pageSize=1000${query}`,
    );
  const byRef = async (frameworkId: string, ref: string) => {
    const page = await requirementsOf(frameworkId, `&q=${encodeURIComponent(ref)}`);
    const hit = page.items.find((r) => r.ref === ref);
    assert.ok(hit, `requirement ${ref} not found`);
    return hit;
  };

  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('compliance-manager'));
  });
  after(() => t.close());

  test('the library offers the built-in frameworks and installs one with its requirements', async () => {
    const library = await api.expect<LibraryFramework[]>(200, 'GET', '/api/framework-library');
    const keys = library.map((f) => f.key);
    for (const key of [
      'iso27001-2022',
      'iso9001-2015',
      'iso14001-2015',
      'iso45001-2018',
      'fr2000',
      'gdpr',
      'nis2',
    ]) {
      assert.ok(keys.includes(key), `library lacks ${key}`);
    }
    assert.ok(library.every((f) => f.installedFrameworkId === null));
    iso = await api.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    const listed = library.find((f) => f.key === 'iso27001-2022');
    assert.equal(iso.requirementCount, listed?.requirementCount);
    assert.ok(iso.requirementCount >= 93 + 20, `only ${iso.requirementCount} requirements`);
    const after = await api.expect<LibraryFramework[]>(200, 'GET', '/api/framework-library');
    assert.equal(after.find((f) => f.key === 'iso27001-2022')?.installedFrameworkId, iso.id);
    assert.ok((await auditActions(t)).includes('framework.installed'));
  });

  test('installing twice or an unknown framework is refused clearly', async () => {
    const twice = await api.call('POST', '/api/frameworks/builtin', { key: 'iso27001-2022' });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().error.message, /already installed/);
    const unknown = await api.call('POST', '/api/frameworks/builtin', { key: 'iso27002-1999' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /no built-in framework iso27002-1999.*iso27001-2022/);
  });

  test('requirements come in catalogue order with depth, searchable, with Annex A under its group', async () => {
    const page = await requirementsOf(iso.id);
    const refs = page.items.map((r) => r.ref);
    assert.ok(refs.indexOf('A.5.1') < refs.indexOf('A.5.2'));
    assert.ok(refs.indexOf('A.5.37') < refs.indexOf('A.6.1'));
    const a51 = page.items.find((r) => r.ref === 'A.5.1');
    const parent = page.items.find((r) => r.id === a51?.parentId);
    assert.equal(parent?.kind, 'group');
    assert.equal(a51?.depth, (parent?.depth ?? -1) + 1);
    assert.equal(a51?.implementationStatus, 'undecided');
    const search = await requirementsOf(iso.id, '&q=A.8.8');
    assert.ok(search.items.every((r) => r.ref.includes('A.8.8') || r.title.includes('A.8.8')));
    assert.ok(search.items.some((r) => r.ref === 'A.8.8'));
  });

  test('applicability needs a justification, is audited with the previous decision, and not for groups', async () => {
    const a51 = await byRef(iso.id, 'A.5.1');
    const missing = await api.call('PUT', `/api/requirements/${a51.id}/applicability`, {
      applicable: true,
      justification: ' ',
    });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /justification/i);
    assert.equal(
      (await api.expect<RequirementDetail>(200, 'GET', `/api/requirements/${a51.id}`)).applicable,
      null,
    );

    const first = await api.expect<RequirementDetail>(
      200,
      'PUT',
      `/api/requirements/${a51.id}/applicability`,
      {
        applicable: true,
        justification: 'We run an ISMS for all cloud services',
      },
    );
    assert.equal(first.applicable, true);
    assert.equal(first.implementationStatus, 'not-addressed');
    assert.equal(first.decidedBy, 'Test compliance-manager');
    await api.expect(200, 'PUT', `/api/requirements/${a51.id}/applicability`, {
      applicable: false,
      justification: 'Changed our mind for the test',
    });
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'applicability.set')
      .orderBy('seq')
      .execute();
    assert.deepEqual(events.at(-2)?.data.previous, null);
    assert.deepEqual(events.at(-1)?.data.previous, {
      applicable: true,
      justification: 'We run an ISMS for all cloud services',
    });

    const group = (await requirementsOf(iso.id)).items.find((r) => r.kind === 'group');
    const onGroup = await api.call('PUT', `/api/requirements/${group?.id}/applicability`, {
      applicable: true,
      justification: 'groups have none',
    });
    assert.equal(onGroup.statusCode, 400);
    assert.match(onGroup.json().error.message, /group heading/);
  });

  test('bulk applicability is all or nothing', async () => {
    const page = await requirementsOf(iso.id, '&q=A.6.');
    const ids = page.items.filter((r) => r.kind === 'requirement').map((r) => r.id);
    assert.ok(ids.length >= 8);
    const bad = await api.call('POST', `/api/frameworks/${iso.id}/applicability`, {
      requirementIds: [...ids, '00000000-0000-4000-8000-000000000000'],
      applicable: true,
      justification: 'People controls apply to all staff',
    });
    assert.equal(bad.statusCode, 400);
    const untouched = await requirementsOf(iso.id, '&q=A.6.');
    assert.ok(untouched.items.every((r) => r.applicable === null));
    const ok = await api.expect<{ updated: number }>(200, 'POST', `/api/frameworks/${iso.id}/applicability`, {
      requirementIds: ids,
      applicable: true,
      justification: 'People controls apply to all staff',
    });
    assert.equal(ok.updated, ids.length);
    const decided = await requirementsOf(iso.id, '&status=not-addressed');
    assert.ok(ids.every((id) => decided.items.some((r) => r.id === id)));
  });

  test('mappings resolve once both frameworks are installed, and NIST resolves after an OSCAL import', async () => {
    const nis2 = await api.expect<Framework>(201, 'POST', '/api/frameworks/builtin', { key: 'nis2' });
    const a88 = await byRef(iso.id, 'A.8.8');
    const detail = await api.expect<RequirementDetail>(200, 'GET', `/api/requirements/${a88.id}`);
    const toNis2 = detail.mappings.find((m) => m.frameworkKey === 'nis2' && m.ref === '21(2)(e)');
    assert.ok(toNis2, 'A.8.8 is mapped to NIS2 21(2)(e)');
    assert.equal(toNis2.frameworkName, nis2.name);
    assert.ok(toNis2.requirementId);
    const toNist = detail.mappings.find((m) => m.frameworkKey === 'nist-800-53-rev5-low' && m.ref === 'RA-5');
    assert.ok(toNist, 'A.8.8 is mapped to NIST RA-5');
    assert.equal(toNist.requirementId, null);

    const nist = await api.expect<Framework>(201, 'POST', '/api/frameworks/import', {
      format: 'oscal-catalog',
      key: 'nist-800-53-rev5-low',
      document: nistLow,
    });
    assert.equal(nist.source, 'oscal');
    assert.equal(nist.requirementCount, countOscalControls(nistLow.catalog));
    const again = await api.expect<RequirementDetail>(200, 'GET', `/api/requirements/${a88.id}`);
    const resolved = again.mappings.find(
      (m) => m.frameworkKey === 'nist-800-53-rev5-low' && m.ref === 'RA-5',
    );
    assert.ok(resolved?.requirementId);
    const ra5 = await api.expect<RequirementDetail>(
      200,
      'GET',
      `/api/requirements/${resolved.requirementId}`,
    );
    assert.ok(ra5.statement.length > 50, 'RA-5 carries its statement');
    assert.ok(ra5.mappings.some((m) => m.frameworkKey === 'iso27001-2022' && m.ref === 'A.8.8'));
  });

  test('an OSCAL profile is resolved against an installed framework', async () => {
    const profile = JSON.parse(
      readFileSync(sharedData('oscal-NIST_SP-800-53_rev5_LOW-baseline_profile.json'), 'utf8'),
    );
    const noSource = await api.call('POST', '/api/frameworks/import', {
      format: 'oscal-profile',
      document: profile,
    });
    assert.equal(noSource.statusCode, 400);
    assert.match(noSource.json().error.message, /source framework/);
    const resolved = await api.expect<Framework>(201, 'POST', '/api/frameworks/import', {
      format: 'oscal-profile',
      key: 'nist-low-profile',
      sourceFramework: 'nist-800-53-rev5-low',
      document: profile,
    });
    assert.equal(resolved.requirementCount, countOscalControls(nistLow.catalog));
    assert.equal((await auditActions(t)).at(-1), 'framework.imported');
  });

  test('an invalid OSCAL file is refused with a clear message and nothing is written', async () => {
    const before = (await api.expect<Page<Framework>>(200, 'GET', '/api/frameworks')).total;
    const res = await api.call('POST', '/api/frameworks/import', {
      format: 'oscal-catalog',
      document: { profile: { uuid: 'x' } },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /profile/i);
    const broken = structuredClone(nistLow);
    broken.catalog.groups[1].controls[0].id = undefined;
    const res2 = await api.call('POST', '/api/frameworks/import', {
      format: 'oscal-catalog',
      key: 'broken',
      document: broken,
    });
    assert.equal(res2.statusCode, 400);
    assert.equal((await api.expect<Page<Framework>>(200, 'GET', '/api/frameworks')).total, before);
  });

  test('mapping CSV: a bad row names its line and writes nothing; a good file imports and exports', async () => {
    const header = 'source_framework,source_ref,target_framework,target_ref,relationship,note';
    const bad = `${header}\r\niso27001-2022,A.5.7,nis2,21(2)(b),intersects,\r\niso27001-2022,A.5.24,nis2,21(2)(b),same,\r\n`;
    const refused = await api.call('POST', '/api/mappings/import', { csv: bad });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /line 3/);
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('requirement_mappings')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const good = `${header}\r\niso27001-2022,A.5.30,customer-ccm,BCR-01,intersects,our judgement\r\n`;
    const result = await api.expect<{ imported: number }>(200, 'POST', '/api/mappings/import', { csv: good });
    assert.equal(result.imported, 1);
    assert.equal(await count(), before + 1);
    const again = await api.expect<{ imported: number; unchanged: number }>(
      200,
      'POST',
      '/api/mappings/import',
      {
        csv: good,
      },
    );
    assert.deepEqual(again, { imported: 0, unchanged: 1 });
    const exported = await api.call('GET', '/api/mappings.csv');
    assert.equal(exported.statusCode, 200);
    assert.match(exported.headers['content-disposition'] as string, /attachment/);
    assert.match(exported.body, /iso27001-2022,A\.5\.30,customer-ccm,BCR-01,intersects,our judgement/);
  });

  test('deleting a framework removes its requirements and is audited', async () => {
    const nis2 = (await api.expect<Page<Framework>>(200, 'GET', '/api/frameworks')).items.find(
      (f) => f.key === 'nis2',
    );
    await api.expect(204, 'DELETE', `/api/frameworks/${nis2?.id}`);
    await api.expect(404, 'GET', `/api/frameworks/${nis2?.id}/requirements`);
    const left = await t.handle.db
      .selectFrom('requirements')
      .select('id')
      .where('framework_id', '=', nis2?.id ?? '')
      .execute();
    assert.equal(left.length, 0);
    assert.equal((await auditActions(t)).at(-1), 'framework.deleted');
  });
});
