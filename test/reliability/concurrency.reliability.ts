import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runControlWriteLoad } from '../support/concurrent-writes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recordResult } from './support/results.js';

const WRITERS = 8;
const ITERATIONS = 15;

describe('concurrent writers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test(`${WRITERS} writers × ${ITERATIONS} writes: 0 errors, every acknowledged write audited, the log verifies`, async () => {
    const result = await runControlWriteLoad(t, { writers: WRITERS, iterations: ITERATIONS });
    const errors = Object.entries(result.statuses)
      .filter(([status]) => status !== '200' && status !== '201')
      .reduce((n, [, count]) => n + count, 0);
    recordResult({
      area: 'concurrency',
      tried: `${WRITERS} writers × ${ITERATIONS} (create controls / update one control)`,
      outcome: errors === 0 && result.problems.length === 0 ? 'held' : 'FAILED',
      detail: `statuses ${JSON.stringify(result.statuses)}; ${result.problems.length} audit problems`,
    });
    assert.equal(errors, 0, JSON.stringify(result.statuses));
    assert.deepEqual(result.problems, []);
  });
});
