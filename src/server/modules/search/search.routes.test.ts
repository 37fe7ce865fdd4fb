import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ScopedAuditorFixture, scopedAuditorFixture } from '../../../../test/support/scoped-auditor.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { RiskDetail } from '../../../contracts/risks.js';
import type { SearchResult } from '../../../contracts/search.js';

const ids = (r: SearchResult, kind: string) =>
  r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

describe('global search', () => {
  let t: TestApp;
  let f: ScopedAuditorFixture;
  let risk: RiskDetail;

  before(async () => {
    t = await startTestApp();
    f = await scopedAuditorFixture(t, 'Zephyr');
    risk = await f.admin.expect<RiskDetail>(201, 'POST', '/api/risks', {
      title: 'Zephyr storm floods STO1',
      inherentLikelihood: 2,
      inherentImpact: 3,
    });
    for (let i = 0; i < 7; i++) {
      await f.admin.expect(201, 'POST', '/api/risks', {
        title: `Zephyr spare risk ${i}`,
        inherentLikelihood: 1,
        inherentImpact: 1,
      });
    }
  });
  after(() => t.close());

  test('finds controls, evidence, risks and requirements by name and reference, a few per kind', async () => {
    const r = await f.admin.expect<SearchResult>(200, 'GET', '/api/search?q=zephyr');
    assert.deepEqual(ids(r, 'control').sort(), [f.isoControl.id, f.nis2Control.id].sort());
    assert.deepEqual(ids(r, 'evidence').sort(), [f.isoEvidence, f.nis2Evidence].sort());
    const risks = r.groups.find((g) => g.kind === 'risk');
    assert.equal(risks?.total, 8);
    assert.equal(risks?.hits.length, 5, 'five hits per kind unless asked for more');
    const byRef = await f.admin.expect<SearchResult>(200, 'GET', `/api/search?q=${risk.ref}`);
    assert.deepEqual(ids(byRef, 'risk'), [risk.id]);
    assert.equal(byRef.groups.find((g) => g.kind === 'risk')?.hits[0]?.path, `/risks/${risk.id}`);
    const requirement = await f.admin.expect<SearchResult>(200, 'GET', '/api/search?q=A.8.8');
    assert.match(requirement.groups.find((g) => g.kind === 'requirement')?.hits[0]?.title ?? '', /ISO/);
    const person = await f.admin.expect<SearchResult>(200, 'GET', `/api/search?q=${t.users.auditor.email}`);
    assert.deepEqual(ids(person, 'person'), [t.users.auditor.id]);
    const short = await f.admin.call('GET', '/api/search?q=z');
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /at least 2 characters/);
  });

  test('a scoped auditor finds nothing out of scope: no NIS2 control or evidence, no people', async () => {
    const r = await f.auditor.expect<SearchResult>(200, 'GET', '/api/search?q=zephyr');
    assert.deepEqual(ids(r, 'control'), [f.isoControl.id]);
    assert.deepEqual(ids(r, 'evidence'), [f.isoEvidence]);
    assert.ok(!JSON.stringify(r).includes('incident reporting'));
    assert.ok(!JSON.stringify(r).includes('reporting drill'));
    const nis2 = await f.auditor.expect<SearchResult>(200, 'GET', '/api/search?q=23(4)');
    assert.deepEqual(ids(nis2, 'requirement'), []);
    const people = await f.auditor.expect<SearchResult>(200, 'GET', `/api/search?q=${t.users.admin.email}`);
    assert.equal(
      people.groups.find((g) => g.kind === 'person'),
      undefined,
      'people need users.read',
    );
  });

  test('signed-out callers are refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/search?q=zephyr' });
    assert.equal(res.statusCode, 401);
  });
});
