import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { createLocation } from '../../modules/organization/location.service.js';
import { createOrganization } from '../../modules/organization/organization.service.js';
import { inTransaction, type ServiceContext, systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { createCheckpoint, verifyOrganizationAuditLog } from './audit-checkpoints.js';
import { recordAuditEvent } from './audit-writer.js';
import { loadKeyring } from './signing-key.js';

const BATCH = 2000;
let handle: DatabaseHandle | undefined;
after(() => handle?.close());

// Meaningful on PostgreSQL (TILLIT_TEST_DATABASE_URL), where the checkpoint and the write use separate
// connections; on PGlite it checks the same structure on its single connection.
test('while a checkpoint hashes a large batch no lock on the log head is held and a write commits', async () => {
  handle = await createTestDatabase();
  const keyring = loadKeyring(path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-key-')), 'key.pem'));
  const base: ServiceContext = { db: handle.db, organizationId: '', actor: systemActor };
  const organizationId = await createOrganization(base, { name: 'Busy AB', securityContactEmail: null });
  const ctx = { ...base, organizationId };
  await createCheckpoint(ctx, keyring);
  await inTransaction(ctx, async (tx) => {
    for (let i = 0; i < BATCH; i++) {
      await recordAuditEvent(tx, 'service.created', { type: 'service', id: null }, { name: `s${i}` });
    }
  });
  const before = await ctx.db.selectFrom('audit_log_heads').select('size').executeTakeFirstOrThrow();

  let paused = false;
  const checkpoint = await createCheckpoint(ctx, keyring, {
    afterHashing: async () => {
      paused = true;
      const locks = await sql<{ mode: string; pid: number }>`
        SELECT mode, pid FROM pg_locks
        WHERE relation = 'audit_log_heads'::regclass AND pid <> pg_backend_pid()
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(ctx.db);
      assert.deepEqual(
        locks.rows,
        [],
        'no session holds a lock on audit_log_heads while the checkpoint hashes',
      );
      // A write that would have to wait for the head lock fails at once instead of hanging the test.
      await inTransaction(ctx, async (tx) => {
        await sql`SET LOCAL lock_timeout = '1s'`.execute(tx.db);
        await createLocation(tx, { code: 'W1', name: 'Written meanwhile', city: 'Oslo', country: 'NO' });
      });
    },
  });
  assert.equal(paused, true, 'the checkpoint paused between hashing and signing');
  assert.equal(checkpoint.treeSize, before.size, 'it signs the size read before hashing');
  const after = await ctx.db.selectFrom('audit_log_heads').select('size').executeTakeFirstOrThrow();
  assert.equal(after.size, before.size + 2, 'the write and the checkpoint event were both appended');
  const verification = await verifyOrganizationAuditLog(ctx, {
    trustedPublicKeys: keyring.trustedPublicKeys,
  });
  assert.equal(verification.ok, true, verification.problems.join('; '));
  assert.equal(verification.checkpointsVerified, 2);
});
