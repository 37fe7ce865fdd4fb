import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDemoDatabase, type DemoDatabase } from '../../../test/support/demo-database.js';
import { computeCoverage } from '../modules/frameworks/coverage.service.js';
import { buildSoa } from '../modules/frameworks/soa.service.js';
import { getClaims } from '../modules/trust-center/claims.service.js';
import { listEntries } from '../modules/trust-center/faq.service.js';
import { getPublicControls } from '../modules/trust-center/index.js';

describe('the demo programme', () => {
  let demo: DemoDatabase;

  before(async () => {
    demo = await createDemoDatabase('programme', { files: true });
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

  test('the demo shows ten controls publicly under four domains, each with the state its records support (in-progress ones under review)', async () => {
    const controls = await getPublicControls(demo.ctx);
    assert.equal(controls.length, 10);
    assert.deepEqual(
      [...new Set(controls.map((c) => c.domain))],
      ['Access and identity', 'Data protection', 'Operations', 'Data centres'],
    );
    for (const c of controls) {
      assert.equal(c.problems.length > 0, c.state === 'under-review', `${c.ref}: ${c.problems.join('; ')}`);
    }
    // Controls watched by passing checks are monitored; implemented controls with current evidence show it; those
    // still in progress, or whose checks fail, are honestly under review.
    const states = Object.fromEntries(controls.map((c) => [c.title, `${c.state}: ${c.problems.join('; ')}`]));
    assert.deepEqual(
      [...new Set(controls.map((c) => c.state))].sort(),
      ['evidenced', 'monitored', 'under-review'],
      JSON.stringify(states, null, 1),
    );
    for (const title of ['Encryption of data at rest', 'Vulnerability management'])
      assert.equal(controls.find((c) => c.title === title)?.state, 'monitored', states[title]);
  });

  test('the demo states its claims; all hold except the deliberately overdue restore test, which staff see', async () => {
    const claims = await getClaims(demo.ctx);
    assert.deepEqual(
      claims.filter((c) => !c.holds).map((c) => c.key),
      ['restore-tested'],
    );
    const stale = claims.find((c) => c.key === 'restore-tested');
    assert.match(stale?.problems.join() ?? '', /older than 92 days: stale/);
    for (const kind of [
      'residency-nordics',
      'no-third-country-transfers',
      'encryption-at-rest',
      'sla-target',
    ])
      assert.ok(
        claims.some((c) => c.key === kind && c.holds),
        kind,
      );
    assert.ok(claims.some((c) => c.kind === 'certification' && c.holds));
  });

  test('the demo FAQ keeps its own rule: held are the answer whose control lacks evidence and the one on the stale restore test', async () => {
    const entries = await listEntries(demo.ctx, { page: 1, pageSize: 200 });
    assert.ok(entries.total >= 10);
    const held = entries.items.filter((e) => e.needsReview);
    assert.deepEqual(held.map((e) => e.question).sort(), [
      'Are you ISO 27001 certified?',
      'How do you back up data, and are restores tested?',
    ]);
    const iso = held.find((e) => e.question.startsWith('Are you ISO'));
    assert.match(iso?.reviewReason ?? '', /^control \S+ has missing evidence$/);
    const backup = held.find((e) => e.question.startsWith('How do you back up'));
    assert.match(backup?.reviewReason ?? '', /claim restore-tested does not hold/);
    assert.deepEqual(
      entries.items.filter((e) => e.confirmedAt !== null).map((e) => e.question),
      [],
      'no answer is released without evidence',
    );
    assert.ok(entries.items.every((e) => e.published));
  });
});
