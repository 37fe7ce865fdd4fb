import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runControlWriteLoad } from '../../../../test/support/concurrent-writes.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { runTransaction } from './transaction.js';

describe('audited transactions', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('writers creating controls and updating one control in parallel all succeed, each with its audit event', async () => {
    const result = await runControlWriteLoad(t, { writers: 6, iterations: 8 });
    assert.deepEqual(result.statuses, { 201: 24, 200: 24 });
    assert.deepEqual(result.problems, []);
  });

  const insertLocation = (trx: TestApp['handle']['db'], code: string) =>
    trx
      .insertInto('locations')
      .values({ organization_id: t.organizationId, code, name: code, city: 'Oslo', country: 'NO' })
      .execute();
  const locationCount = async (code: string) =>
    (await t.handle.db.selectFrom('locations').select('id').where('code', '=', code).execute()).length;
  const sqlError = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });

  test('a deadlock or serialization failure reruns the whole transaction; the failed run leaves nothing', async () => {
    let runs = 0;
    await runTransaction(t.handle.db, t.organizationId, async (trx) => {
      runs++;
      await insertLocation(trx, 'RETRY1');
      if (runs === 1) throw sqlError('40P01');
      if (runs === 2) throw sqlError('40001');
    });
    assert.equal(runs, 3);
    assert.equal(await locationCount('RETRY1'), 1);
  });

  test('retries are bounded and other errors are not retried', async () => {
    let runs = 0;
    await assert.rejects(
      runTransaction(t.handle.db, t.organizationId, async () => {
        runs++;
        throw sqlError('40001');
      }),
      /simulated 40001/,
    );
    assert.equal(runs, 5);
    runs = 0;
    await assert.rejects(
      runTransaction(t.handle.db, t.organizationId, async (trx) => {
        runs++;
        await insertLocation(trx, 'RETRY2');
        throw sqlError('23505');
      }),
      /simulated 23505/,
    );
    assert.equal(runs, 1);
    assert.equal(await locationCount('RETRY2'), 0);
  });
});
