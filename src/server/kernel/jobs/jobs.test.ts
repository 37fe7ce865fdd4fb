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
import { recordAuditEvent } from '../audit/audit-writer.js';
import { loadKeyring } from '../audit/signing-key.js';
import { inTransaction, type ServiceContext, systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../logging/logger.js';
import { startJobRunner } from './job-runner.js';
import { checkpointGrownLogs, deleteExpiredSessions, maintenanceJobs } from './maintenance-jobs.js';

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
      0,
      'its own checkpoint event alone does not call for another checkpoint',
    );
    await createLocation(ctx, { code: 'JOB1', name: 'Job site', city: 'Oslo', country: 'NO' });
    await sql`UPDATE audit_events SET data = '{"code":"EVIL","name":"x","city":"y","country":"NO"}' WHERE action = 'location.created'`.execute(
      handle.db,
    );
    assert.equal(await checkpointGrownLogs(handle.db, keyring, logger), 0);
    assert.match(logLines.join(''), /failed verification; no checkpoint signed/);
  });

  test('a checkpoint is signed within a minute of activity, not only hourly, and the daily full verification is cached', async () => {
    const jobs = maintenanceJobs(handle.db, keyring, logger);
    const soon = jobs.find((j) => j.name === 'audit-checkpoint-soon');
    assert.equal(soon?.cron, '* * * * *');
    assert.equal(jobs.find((j) => j.name === 'audit-checkpoint')?.cron, '17 * * * *');
    const signedSizes = () =>
      handle.db
        .selectFrom('audit_checkpoints')
        .select('tree_size')
        .where('organization_id', '=', ctx.organizationId)
        .orderBy('tree_size', 'desc')
        .executeTakeFirst();
    await sql`DELETE FROM audit_events WHERE organization_id = ${ctx.organizationId} AND action = 'location.created'`.execute(
      handle.db,
    );
    await sql`DELETE FROM audit_checkpoints WHERE organization_id = ${ctx.organizationId}`.execute(handle.db);
    await sql`UPDATE audit_log_heads SET size = (SELECT max(seq) FROM audit_events WHERE organization_id = ${ctx.organizationId}) WHERE organization_id = ${ctx.organizationId}`.execute(
      handle.db,
    );
    await soon?.handle({});
    const quiet = await signedSizes();
    await soon?.handle({});
    assert.equal((await signedSizes())?.tree_size, quiet?.tree_size, 'nothing new: nothing signed');
    const seq = await inTransaction(ctx, (tx) =>
      recordAuditEvent(tx, 'service.created', { type: 'service', id: null }, { name: 'new' }),
    );
    await soon?.handle({});
    assert.equal((await signedSizes())?.tree_size, seq, 'the new event is covered by a signed checkpoint');

    await jobs.find((j) => j.name === 'audit-verify')?.handle({});
    const cached = await handle.db
      .selectFrom('audit_verifications')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow();
    assert.equal(cached.problems.length, 0);
    assert.equal(cached.tree_size, seq + 1);
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
