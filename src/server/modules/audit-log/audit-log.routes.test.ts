import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { auditLeafHash } from '../../kernel/audit/audit-leaf.js';
import { refreshFullVerification } from '../../kernel/audit/audit-verification-cache.js';
import { parseCheckpoint } from '../../kernel/audit/checkpoint.js';
import { verifyConsistency, verifyInclusion } from '../../kernel/audit/merkle.js';
import { systemActor } from '../../kernel/context.js';

describe('audit log API', () => {
  let t: TestApp;
  let manager: Session;
  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
    const admin = await t.signIn('admin');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: sessionHeaders(admin),
      payload: { name: 'Norrsken Cloud' },
    });
  });
  after(() => t.close());

  const get = (url: string, s = manager) => t.app.inject({ method: 'GET', url, headers: sessionHeaders(s) });

  test('events are listed newest first with their actor, and filters narrow them', async () => {
    const all = (await get('/api/audit-events?pageSize=200')).json();
    assert.ok(all.total > 10);
    const seqs = all.items.map((e: { seq: number }) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
    );
    const updated = (await get('/api/audit-events?action=organization.updated')).json();
    assert.equal(updated.total, 1);
    assert.equal(updated.items[0].actor.email, 'admin@test.example');
    assert.deepEqual(updated.items[0].data.changes.name, { from: 'Norrsken Cloud AB', to: 'Norrsken Cloud' });
    const byActor = (await get(`/api/audit-events?actorId=${t.users.admin.id}`)).json();
    assert.ok(byActor.items.every((e: { actor: { id: string } }) => e.actor.id === t.users.admin.id));
    const future = (
      await get(`/api/audit-events?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)
    ).json();
    assert.equal(future.total, 0);
    assert.equal((await get('/api/audit-events?from=yesterday')).statusCode, 400);
  });

  test('verification reports an intact log, and a signed checkpoint can be taken', async () => {
    const v = (await get('/api/audit-log/verification')).json();
    assert.equal(v.ok, true, v.problems.join('; '));
    assert.match(v.rootHash, /^[0-9a-f]{64}$/);
    const cp = await t.app.inject({
      method: 'POST',
      url: '/api/audit-log/checkpoints',
      headers: sessionHeaders(manager),
    });
    assert.equal(cp.statusCode, 201);
    const parsed = parseCheckpoint(cp.json().note);
    assert.equal(parsed.treeSize, v.treeSize);
    assert.equal(parsed.rootHash.toString('hex'), v.rootHash);
  });

  test('an auditor holding an old checkpoint checks the grown log with a consistency proof', async () => {
    const cp = await t.app.inject({
      method: 'POST',
      url: '/api/audit-log/checkpoints',
      headers: sessionHeaders(manager),
    });
    const old = parseCheckpoint(cp.json().note);
    const admin = await t.signIn('admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: sessionHeaders(admin),
      payload: { name: 'Managed DNS' },
    });
    const res = await get(`/api/audit-log/consistency?from=${old.treeSize}`);
    assert.equal(res.statusCode, 200);
    const p = res.json();
    assert.equal(p.fromRoot, old.rootHash.toString('hex'));
    assert.ok(p.toSize > old.treeSize);
    const toHex = (h: string) => Buffer.from(h, 'hex');
    assert.ok(verifyConsistency(p.fromSize, p.toSize, old.rootHash, toHex(p.toRoot), p.proof.map(toHex)));
    assert.equal((await get(`/api/audit-log/consistency?from=${p.toSize + 5}`)).statusCode, 400);
  });

  test('an event can be proven to be in the log from its own content', async () => {
    const event = (await get('/api/audit-events?action=organization.updated')).json().items[0];
    const res = await get(`/api/audit-events/${event.seq}/inclusion`);
    assert.equal(res.statusCode, 200);
    const p = res.json();
    const leaf = auditLeafHash({
      organizationId: t.organizationId,
      seq: event.seq,
      occurredAt: new Date(event.occurredAt),
      actorType: event.actorType,
      actorId: event.actor?.id ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
    });
    assert.equal(leaf.toString('hex'), p.leafHash, 'the leaf is recomputable from what the API shows');
    const toHex = (h: string) => Buffer.from(h, 'hex');
    assert.ok(verifyInclusion(leaf, event.seq - 1, p.treeSize, p.proof.map(toHex), toHex(p.rootHash)));
    assert.equal((await get('/api/audit-events/99999/inclusion')).statusCode, 404);
  });

  test('verification over HTTP reports tampering: newer events at once, older ones after the daily full re-hash', async () => {
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/audit-log/checkpoints',
      headers: sessionHeaders(manager),
    });
    const signed = parseCheckpoint(before.json().note);
    const first = (await get('/api/audit-log/verification')).json();
    assert.equal(first.ok, true, first.problems.join('; '));
    assert.ok(first.fullyVerifiedAt && first.verifiedAt);
    await sql`UPDATE audit_events SET data = '{"changes":{}}' WHERE action = 'organization.updated'`.execute(
      t.handle.db,
    );
    const cached = (await get('/api/audit-log/verification')).json();
    assert.equal(cached.ok, true, 'an event the last full verification covered is not re-hashed per request');
    await refreshFullVerification(
      { db: t.handle.db, organizationId: t.organizationId, actor: systemActor },
      { trustedPublicKeys: t.keyring.trustedPublicKeys },
    );
    const v = (await get('/api/audit-log/verification')).json();
    assert.equal(v.ok, false);
    assert.match(v.problems.join('\n'), /organization.updated\) does not match its recorded hash/);
    const p = (await get(`/api/audit-log/consistency?from=${signed.treeSize}`)).json();
    const toHex = (h: string) => Buffer.from(h, 'hex');
    assert.equal(
      verifyConsistency(p.fromSize, p.toSize, signed.rootHash, toHex(p.toRoot), p.proof.map(toHex)),
      false,
      'a proof over rewritten history does not match the checkpoint the auditor kept',
    );

    const admin = await t.signIn('admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: sessionHeaders(admin),
      payload: { name: 'Tampered later' },
    });
    await sql`UPDATE audit_events SET data = '{"name":"x"}' WHERE action = 'service.created' AND data->>'name' = 'Tampered later'`.execute(
      t.handle.db,
    );
    const tail = (await get('/api/audit-log/verification')).json();
    assert.match(tail.problems.join('\n'), /service.created\) does not match its recorded hash/);
    const cp = await t.app.inject({
      method: 'POST',
      url: '/api/audit-log/checkpoints',
      headers: sessionHeaders(manager),
    });
    assert.equal(cp.statusCode, 409);
  });
});
