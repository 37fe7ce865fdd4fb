import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createTestDatabase, testDatabaseKind } from '../../../../test/support/test-database.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../logging/logger.js';
import type { DatabaseHandle } from './database.js';

describe('statement timeout', () => {
  let t: TestApp;
  let handle: DatabaseHandle;
  before(async () => {
    t = await startTestApp();
    handle = await createTestDatabase({ statementTimeoutMs: 300 });
  });
  after(async () => {
    await handle.close();
    await t.close();
  });

  test('a statement past the timeout is cancelled; the request answers 503 DATABASE_TIMEOUT, logged without the statement', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app } = await buildApp(
      { config: t.config, db: handle.db, keyring: t.keyring, logger: createLogger('info', sink) },
      [
        (scope) =>
          scope.get('/api/slow', { config: { access: 'public' } }, async () => {
            // PGlite runs no statement timeout of its own: there the route fails as PostgreSQL would.
            if (testDatabaseKind === 'pglite')
              throw Object.assign(new Error('canceling statement due to statement timeout'), {
                code: '57014',
              });
            await sql`SELECT pg_sleep(10), ${'s3cret-parameter'}::text`.execute(handle.db);
            return {};
          }),
      ],
    );
    try {
      const res = await app.inject({ method: 'GET', url: '/api/slow' });
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.json().error.code, 'DATABASE_TIMEOUT');
      assert.match(res.json().error.message, /statement timeout/);
      const log = lines.join('');
      assert.match(log, /"code":"DATABASE_TIMEOUT".*"route":"\/api\/slow"/);
      assert.doesNotMatch(log, /s3cret-parameter|pg_sleep/);
      const after = await sql<{ one: number }>`SELECT 1 AS one`.execute(handle.db);
      assert.equal(after.rows[0]?.one, 1, 'the pool serves the next statement');
    } finally {
      await app.close();
    }
  });
});
