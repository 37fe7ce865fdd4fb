import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';

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
