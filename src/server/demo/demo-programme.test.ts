import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';
import { computeCoverage } from '../modules/frameworks/coverage.service.js';
import { buildSoa } from '../modules/frameworks/soa.service.js';

describe('the demo programme', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('programme');
  });
  after(() => demo.close());

  test('installs ISO 27001, NIS2, GDPR and FR2000 with every requirement decided', async () => {
    const coverage = await computeCoverage(demo.ctx);
    assert.deepEqual(coverage.map((c) => c.frameworkKey).sort(), ['fr2000', 'gdpr', 'iso27001-2022', 'nis2']);
    for (const c of coverage) assert.equal(c.undecided, 0, `${c.frameworkKey} has undecided requirements`);
    const iso = coverage.find((c) => c.frameworkKey === 'iso27001-2022');
    assert.ok(iso && iso.covered > 10 && iso.controls >= 10, JSON.stringify(iso));
  });

  test('the ISO 27001 SoA names the DevOps Guidelines controls as baseline and Compute’s own', async () => {
    const iso = await demo.handle.db
      .selectFrom('frameworks')
      .select('id')
      .where('key', '=', 'iso27001-2022')
      .executeTakeFirstOrThrow();
    const soa = await buildSoa(demo.ctx, iso.id);
    assert.equal(soa.rows.filter((r) => r.ref.startsWith('A.')).length, 93);
    const a88 = soa.rows.find((r) => r.ref === 'A.8.8');
    assert.deepEqual(
      a88?.controls.map((c) => c.scope),
      ['Baseline'],
    );
    const a89 = soa.rows.find((r) => r.ref === 'A.8.9');
    assert.ok(a89?.controls.some((c) => c.scope === 'Compute'));
  });
});
