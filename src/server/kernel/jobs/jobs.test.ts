import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { createLocation } from '../../modules/organization/location.service.js';
import { createOrganization } from '../../modules/organization/organization.service.js';
import { loadKeyring } from '../audit/signing-key.js';
import { type ServiceContext, systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../logging/logger.js';
import { startJobRunner } from './job-runner.js';
import { checkpointGrownLogs, deleteExpiredSessions } from './maintenance-jobs.js';

describe('maintenance jobs', () => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const logLines: string[] = [];
  const logger = createLogger(
    'error',
    new Writable({
      write(chunk, _e, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const keyring = loadKeyring(path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-jobs-')), 'key.pem'));

  before(async () => {
    handle = await createTestDatabase();
    const base: ServiceContext = { db: handle.db, organizationId: '', actor: systemActor };
    ctx = {
      ...base,
      organizationId: await createOrganization(base, { name: 'Jobs AB', securityContactEmail: null }),
    };
  });
  after(() => handle.close());

  test('the checkpoint job signs only logs that grew, and never a tampered one', async () => {
    assert.equal(await checkpointGrownLogs(handle.db, keyring, logger), 1);
    assert.equal(
      await checkpointGrownLogs(handle.db, keyring, logger),
      1,
      'its own checkpoint event grew the log once more',
    );
    await createLocation(ctx, { code: 'JOB1', name: 'Job site', city: 'Oslo', country: 'NO' });
    await sql`UPDATE audit_events SET data = '{"code":"EVIL","name":"x","city":"y","country":"NO"}' WHERE action = 'location.created'`.execute(
      handle.db,
    );
    assert.equal(await checkpointGrownLogs(handle.db, keyring, logger), 0);
    assert.match(logLines.join(''), /failed verification; no checkpoint signed/);
  });

  test('expired sessions are removed', async () => {
    const user = await handle.db
      .insertInto('users')
      .values({
        organization_id: ctx.organizationId,
        email: 'j@jobs.example',
        name: 'J',
        role: 'viewer',
        status: 'active',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = (hash: string, expires: Date) => ({
      organization_id: ctx.organizationId,
      user_id: user.id,
      token_hash: hash,
      csrf_token: 'x',
      expires_at: expires,
    });
    await handle.db
      .insertInto('sessions')
      .values([session('old', new Date(Date.now() - 1000)), session('live', new Date(Date.now() + 60_000))])
      .execute();
    assert.equal(await deleteExpiredSessions(handle.db), 1);
    const left = await handle.db.selectFrom('sessions').select('token_hash').execute();
    assert.deepEqual(
      left.map((s) => s.token_hash),
      ['live'],
    );
  });

  test('pg-boss runs a sent job through its handler on the application database', async () => {
    const seen: string[] = [];
    const job = {
      name: 'test-echo',
      payload: z.strictObject({ word: z.string() }),
      handle: async (p: { word: string }) => void seen.push(p.word),
    };
    const runner = await startJobRunner(handle.pool, logger, [job], { pollingIntervalSeconds: 0.5 });
    try {
      await assert.rejects(runner.send(job, { word: 1 } as never), /expected string/);
      assert.ok(await runner.send(job, { word: 'hej' }));
      const deadline = Date.now() + 20_000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(seen, ['hej']);
    } finally {
      await runner.stop();
    }
  });
});
