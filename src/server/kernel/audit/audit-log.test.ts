import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { createLocation } from '../../modules/organization/location.service.js';
import { createOrganization } from '../../modules/organization/organization.service.js';
import { inTransaction, type ServiceContext, systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/database.js';
import { createCheckpoint, verifyOrganizationAuditLog } from './audit-checkpoints.js';
import { auditLeafHashOfRow } from './audit-leaf.js';
import { auditLogOrigin } from './audit-verifier.js';
import { recordAuditEvent } from './audit-writer.js';
import { signCheckpoint } from './checkpoint.js';
import { AUDIT_KEY_NAME, type AuditKeyring, loadKeyring } from './signing-key.js';

const EVENTS = 12;
let open: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.close()));
  open = [];
});

function newKeyring(): AuditKeyring {
  return loadKeyring(path.join(mkdtempSync(path.join(os.tmpdir(), 'tillit-key-')), 'key.pem'));
}

/** A database with one organisation, EVENTS audit events and a signed checkpoint over all of them. */
async function loggedOrganization() {
  const handle = await createTestDatabase();
  open.push(handle);
  const keyring = newKeyring();
  const base: ServiceContext = { db: handle.db, organizationId: '', actor: systemActor };
  const organizationId = await createOrganization(base, {
    name: 'Audit Test AB',
    securityContactEmail: null,
  });
  const ctx = { ...base, organizationId };
  for (let i = 1; i < EVENTS; i++) {
    await createLocation(ctx, { code: `DC${i}`, name: `Site ${i}`, city: 'Stockholm', country: 'SE' });
  }
  const checkpoint = await createCheckpoint(ctx, keyring);
  const verify = (external: string[] = [], trusted = keyring.trustedPublicKeys) =>
    verifyOrganizationAuditLog(ctx, {
      trustedPublicKeys: trusted,
      external: external.map((note, i) => ({
        source: `file${i}`,
        note,
        keyName: AUDIT_KEY_NAME,
        publicKeyPem: keyring.signing.publicKeyPem,
      })),
    });
  return { handle, ctx, keyring, checkpoint, verify, db: handle.db };
}

async function rehashRow(ctx: ServiceContext, seq: number): Promise<void> {
  const row = await ctx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('audit_events')
    .set({ leaf_hash: auditLeafHashOfRow(row) })
    .where('organization_id', '=', ctx.organizationId)
    .where('seq', '=', seq)
    .execute();
}

describe('audit log', () => {
  test('an untouched log verifies against its signed checkpoint', async () => {
    const { verify, checkpoint } = await loggedOrganization();
    assert.equal(checkpoint.treeSize, EVENTS);
    const result = await verify([checkpoint.note]);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    assert.equal(result.treeSize, EVENTS + 1, 'the checkpoint itself is logged as one more event');
    assert.equal(result.checkpointsVerified, 2);
  });

  test('sequence numbers stay gap-free under concurrent writers', async () => {
    const { ctx, verify } = await loggedOrganization();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(ctx, (tx) =>
          recordAuditEvent(tx, 'service.created', { type: 'service', id: null }, { name: `s${i}` }),
        ),
      ),
    );
    const result = await verify();
    assert.equal(result.ok, true, result.problems.join('; '));
    assert.equal(result.treeSize, EVENTS + 11);
  });

  test('an event written outside a transaction is refused', async () => {
    const { ctx } = await loggedOrganization();
    await assert.rejects(
      recordAuditEvent(ctx, 'demo.seeded', { type: 'organization', id: null }, {}),
      /inside the change's transaction/,
    );
  });

  test('edited content is caught by its leaf hash', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    await sql`UPDATE audit_events SET data = '{"code":"EVIL","name":"x","city":"y","country":"SE"}' WHERE organization_id = ${ctx.organizationId} AND seq = 5`.execute(
      db,
    );
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /event 5 .*content was changed/);
  });

  test('edited content with a recomputed hash is caught by the signed checkpoint', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    await sql`UPDATE audit_events SET action = 'location.deleted' WHERE organization_id = ${ctx.organizationId} AND seq = 5`.execute(
      db,
    );
    await rehashRow(ctx, 5);
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /no longer match the signed root/);
  });

  test('a deleted event is caught', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    await sql`DELETE FROM audit_events WHERE organization_id = ${ctx.organizationId} AND seq = 4`.execute(db);
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /events 4–4 are missing/);
  });

  test('an inserted event is caught even when later events are renumbered and rehashed', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    const org = ctx.organizationId;
    await sql`UPDATE audit_events SET seq = seq + 1000 WHERE organization_id = ${org} AND seq >= 3`.execute(
      db,
    );
    await sql`UPDATE audit_events SET seq = seq - 999 WHERE organization_id = ${org} AND seq >= 1003`.execute(
      db,
    );
    await sql`INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, leaf_hash)
              SELECT organization_id, 3, occurred_at, actor_type, actor_id, 'service.created', 'service', NULL, '{"name":"forged"}', leaf_hash
              FROM audit_events WHERE organization_id = ${org} AND seq = 2`.execute(db);
    await sql`UPDATE audit_log_heads SET size = size + 1 WHERE organization_id = ${org}`.execute(db);
    const sizeRow = await db
      .selectFrom('audit_log_heads')
      .select('size')
      .where('organization_id', '=', org)
      .executeTakeFirstOrThrow();
    for (let seq = 3; seq <= sizeRow.size; seq++) await rehashRow(ctx, seq);
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /no longer match the signed root/);
  });

  test('truncation is caught by the checkpoint size', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    await sql`DELETE FROM audit_events WHERE organization_id = ${ctx.organizationId} AND seq > 6`.execute(db);
    await sql`UPDATE audit_log_heads SET size = 6 WHERE organization_id = ${ctx.organizationId}`.execute(db);
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /signed for \d+ events but the log holds only 6/);
  });

  test('reordered events are caught, with or without recomputed hashes', async () => {
    const { db, ctx, verify } = await loggedOrganization();
    const org = ctx.organizationId;
    await sql`UPDATE audit_events SET seq = -1 WHERE organization_id = ${org} AND seq = 3`.execute(db);
    await sql`UPDATE audit_events SET seq = 3 WHERE organization_id = ${org} AND seq = 4`.execute(db);
    await sql`UPDATE audit_events SET seq = 4 WHERE organization_id = ${org} AND seq = -1`.execute(db);
    const swapped = await verify();
    assert.equal(swapped.ok, false);
    assert.match(swapped.problems.join('\n'), /event 3 .*content was changed/);
    await rehashRow(ctx, 3);
    await rehashRow(ctx, 4);
    const rehashed = await verify();
    assert.equal(rehashed.ok, false);
    assert.match(rehashed.problems.join('\n'), /no longer match the signed root/);
  });

  test('a checkpoint kept outside Tillit catches a rewrite that also replaced the stored checkpoints', async () => {
    const { db, ctx, verify, checkpoint } = await loggedOrganization();
    await sql`DELETE FROM audit_checkpoints WHERE organization_id = ${ctx.organizationId}`.execute(db);
    await sql`UPDATE audit_events SET data = '{"name":"rewritten"}', action = 'service.created' WHERE organization_id = ${ctx.organizationId} AND seq = 2`.execute(
      db,
    );
    await rehashRow(ctx, 2);
    assert.equal((await verify()).ok, true, 'without an outside checkpoint the rewrite is invisible');
    const result = await verify([checkpoint.note]);
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /file0: the first 12 events no longer match/);
  });

  test('a stored checkpoint signed by a key Tillit does not trust is reported', async () => {
    const { ctx, db, verify } = await loggedOrganization();
    const intruder = newKeyring().signing;
    const state = await verify();
    const rootHash = Buffer.from(state.rootHash, 'hex');
    const note = signCheckpoint(
      {
        origin: auditLogOrigin(ctx.organizationId),
        treeSize: state.treeSize,
        rootHash,
        timestamp: new Date().toISOString(),
      },
      { keyName: AUDIT_KEY_NAME, privateKeyPem: intruder.privateKeyPem },
    );
    await db
      .insertInto('audit_checkpoints')
      .values({
        organization_id: ctx.organizationId,
        tree_size: state.treeSize,
        root_hash: rootHash,
        key_name: AUDIT_KEY_NAME,
        key_id: intruder.keyId,
        public_key: intruder.publicKeyPem,
        note,
      })
      .execute();
    const result = await verify();
    assert.equal(result.ok, false);
    assert.match(result.problems.join('\n'), /signed by a key this installation does not trust/);
  });

  test('an outside checkpoint with a bad signature or for another log is reported', async () => {
    const { verify, checkpoint } = await loggedOrganization();
    const forged = checkpoint.note.replace(/\n(\d+)\n/, (_m, n: string) => `\n${Number(n) - 1}\n`);
    const other = await loggedOrganization();
    const result = await verify([forged, other.checkpoint.note, 'not a checkpoint']);
    assert.equal(result.ok, false);
    const text = result.problems.join('\n');
    assert.match(text, /file0: signature does not verify/);
    assert.match(text, /file1: (signature does not verify|checkpoint is for log)/);
    assert.match(text, /file2: not a valid checkpoint/);
  });

  test('no checkpoint is signed over new events that fail verification', async () => {
    const { db, ctx, keyring } = await loggedOrganization();
    await createLocation(ctx, { code: 'NEW1', name: 'New 1', city: 'Oslo', country: 'NO' });
    await createLocation(ctx, { code: 'NEW2', name: 'New 2', city: 'Oslo', country: 'NO' });
    const head = await db.selectFrom('audit_log_heads').select('size').executeTakeFirstOrThrow();
    await sql`UPDATE audit_events SET data = '{"code":"EVIL"}' WHERE organization_id = ${ctx.organizationId} AND seq = ${head.size}`.execute(
      db,
    );
    await assert.rejects(createCheckpoint(ctx, keyring), /failed verification; no checkpoint was signed/);
    await sql`DELETE FROM audit_events WHERE organization_id = ${ctx.organizationId} AND seq = ${head.size - 1}`.execute(
      db,
    );
    await assert.rejects(createCheckpoint(ctx, keyring), /events \d+–\d+ are missing/);
  });

  test('a checkpoint resumes from the previous frontier: it hashes only new events and never signs a rewrite of older ones', async () => {
    const { db, ctx, keyring, verify } = await loggedOrganization();
    const stored = await db
      .selectFrom('audit_checkpoints')
      .select(['tree_size', 'frontier'])
      .where('organization_id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow();
    assert.ok(stored.frontier && stored.frontier.length > 0 && stored.frontier.length % 32 === 0);
    await createLocation(ctx, { code: 'NEW1', name: 'New 1', city: 'Oslo', country: 'NO' });
    const intact = await verify();
    // Rewrite an event the first checkpoint already covers; the next checkpoint does not re-read it.
    await sql`UPDATE audit_events SET data = '{"code":"EVIL"}' WHERE organization_id = ${ctx.organizationId} AND seq = 2`.execute(
      db,
    );
    await rehashRow(ctx, 2);
    const next = await createCheckpoint(ctx, keyring);
    assert.equal(next.treeSize, intact.treeSize);
    assert.equal(next.rootHash, intact.rootHash, 'the signed root is that of the log before the rewrite');
    const full = await verify();
    assert.equal(full.ok, false);
    assert.match(full.problems.join('\n'), /the first \d+ events no longer match the signed root/);
  });

  test('a stored frontier that does not reproduce its signed root is not resumed from', async () => {
    const { db, ctx, keyring, verify } = await loggedOrganization();
    await sql`UPDATE audit_checkpoints SET frontier = ${Buffer.alloc(64, 7)} WHERE organization_id = ${ctx.organizationId}`.execute(
      db,
    );
    await createLocation(ctx, { code: 'NEW1', name: 'New 1', city: 'Oslo', country: 'NO' });
    const expected = await verify();
    const next = await createCheckpoint(ctx, keyring);
    assert.equal(next.rootHash, expected.rootHash);
    assert.equal((await verify()).ok, true);
  });
});
