import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { parseCheckpoint } from '../../kernel/audit/checkpoint.js';

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

  test('verification over HTTP reports tampering', async () => {
    await sql`UPDATE audit_events SET data = '{"changes":{}}' WHERE action = 'organization.updated'`.execute(
      t.handle.db,
    );
    const v = (await get('/api/audit-log/verification')).json();
    assert.equal(v.ok, false);
    assert.match(v.problems.join('\n'), /content was changed/);
    const cp = await t.app.inject({
      method: 'POST',
      url: '/api/audit-log/checkpoints',
      headers: sessionHeaders(manager),
    });
    assert.equal(cp.statusCode, 409);
  });
});
