import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { rolePermissions } from '../../../contracts/permissions.js';
import type { ServiceContext } from '../../kernel/context.js';
import { updateUser } from './users.service.js';

describe('users', () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin');
  });
  after(() => t.close());

  const patch = (id: string, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: sessionHeaders(admin), payload });

  test('the list is paged and shows roles and status', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=2',
      headers: sessionHeaders(admin),
    });
    assert.equal(res.statusCode, 200);
    const page = res.json();
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 6, 'the bootstrap admin plus one user per role');
    assert.ok(page.items.every((u: { status: string }) => u.status === 'active'));
    assert.ok(!JSON.stringify(page).includes('argon2'), 'no password hash leaves the server');
  });

  test('an invitation for an existing e-mail is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users/invitations',
      headers: sessionHeaders(admin),
      payload: { email: 'Viewer@Test.example', name: 'x', role: 'viewer' },
    });
    assert.equal(res.statusCode, 409);
  });

  test('changing a role is audited with before and after', async () => {
    const res = await patch(t.users.contributor.id, { role: 'compliance-manager' });
    assert.equal(res.json().role, 'compliance-manager');
    const event = await t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.updated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, {
      email: 'contributor@test.example',
      changes: { role: { from: 'contributor', to: 'compliance-manager' } },
    });
  });

  test('disabling a user revokes their API tokens for good; re-enabling does not revive them', async () => {
    const viewer = await t.signIn('viewer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: sessionHeaders(viewer),
      payload: { name: 'ci', scopes: ['controls.read'], expiresInDays: 30 },
    });
    assert.equal(created.statusCode, 201, created.body);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const use = () => t.app.inject({ method: 'GET', url: '/api/controls', headers: bearer });
    assert.equal((await use()).statusCode, 200);
    assert.equal((await patch(t.users.viewer.id, { status: 'disabled' })).statusCode, 200);
    assert.equal((await use()).statusCode, 401);
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'user.updated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.data.tokensRevoked, 1);
    assert.equal((await patch(t.users.viewer.id, { status: 'active' })).statusCode, 200);
    assert.equal((await use()).statusCode, 401, 'the token stays revoked after re-enabling');
    const row = await t.handle.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('user_id', '=', t.users.viewer.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.revoked_at);
  });

  test('the last active admin cannot be demoted or disabled', async () => {
    const bootstrapAdmin = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@norrsken.example')
      .executeTakeFirstOrThrow();
    assert.equal((await patch(bootstrapAdmin.id, { status: 'disabled' })).statusCode, 200);
    const res = await patch(t.users.admin.id, { role: 'viewer' });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error.message, /at least one active admin/);
  });

  test('an unknown user is 404 and an invalid role is 400', async () => {
    assert.equal((await patch('00000000-0000-4000-8000-000000000000', { name: 'x' })).statusCode, 404);
    const bad = await patch(t.users.viewer.id, { role: 'root' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].path, 'role');
  });
});

describe('the last admin under concurrency', () => {
  test('two admins demoting each other at once: exactly one succeeds', async () => {
    const t = await startTestApp();
    try {
      const system = t.systemContext();
      const bootstrapAdmin = await t.handle.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'admin@norrsken.example')
        .executeTakeFirstOrThrow();
      await updateUser(system, bootstrapAdmin.id, { status: 'disabled' });
      await updateUser(system, t.users.contributor.id, { role: 'admin' });
      const as = (userId: string): ServiceContext => ({
        ...system,
        actor: { type: 'user', userId, tokenId: null, role: 'admin', permissions: rolePermissions.admin },
      });
      // The first demotion holds its transaction open; the second starts meanwhile and must wait for it
      // rather than count two admins from a snapshot that is about to change.
      let ready!: () => void;
      let commit!: () => void;
      const firstDone = new Promise<void>((r) => {
        ready = r;
      });
      const gate = new Promise<void>((r) => {
        commit = r;
      });
      const first = t.handle.db.transaction().execute(async (trx) => {
        await updateUser({ ...as(t.users.admin.id), db: trx }, t.users.contributor.id, { role: 'viewer' });
        ready();
        await gate;
      });
      await firstDone;
      const second = updateUser(as(t.users.contributor.id), t.users.admin.id, { role: 'viewer' });
      await Promise.race([second.catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      commit();
      const results = await Promise.allSettled([first, second]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected');
      assert.match(String(refused?.reason), /at least one active admin/);
      const admins = await t.handle.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .execute();
      assert.equal(admins.length, 1);
    } finally {
      await t.close();
    }
  });
});
