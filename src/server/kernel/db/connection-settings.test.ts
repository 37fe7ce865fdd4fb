import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.js';
import type { DatabaseHandle } from './database.js';

describe('connection settings', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  test('every pooled PostgreSQL connection runs without JIT compilation (PGlite has none)', async () => {
    // Four statements at once take four connections of the pool, each set up when it connected.
    const settings = await Promise.all(
      [1, 2, 3, 4].map(() =>
        sql<{ jit: string }>`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`.execute(handle.db),
      ),
    );
    const values = settings.map((r) => r.rows[0]?.jit);
    if (testDatabaseKind === 'postgres') assert.deepEqual(values, ['off', 'off', 'off', 'off']);
    else assert.equal(handle.kind, 'pglite');
  });
});
