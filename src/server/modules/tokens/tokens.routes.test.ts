import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';

describe('API tokens', () => {
  let t: TestApp;
  let manager: Session;
  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
  });
  after(() => t.close());

  const create = (payload: object, s = manager) =>
    t.app.inject({ method: 'POST', url: '/api/tokens', headers: sessionHeaders(s), payload });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  test('a token is shown once, stored as a hash and acts within its scopes', async () => {
    const res = await create({ name: 'CI', scopes: ['organization.read'], expiresInDays: 30 });
    assert.equal(res.statusCode, 201);
    const { token, apiToken } = res.json();
    assert.match(token, /^tlt_[A-Za-z0-9_-]{40,}$/);
    assert.equal(apiToken.prefix, token.slice(0, 12));
    const rows = await t.handle.db.selectFrom('api_tokens').select(['token_hash', 'prefix']).execute();
    assert.ok(rows.every((r) => r.token_hash !== token && !r.token_hash.includes(token)));
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/organization', headers: bearer(token) })).statusCode,
      200,
    );
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: bearer(token),
      payload: { name: 'X' },
    });
    assert.equal(write.statusCode, 403);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: bearer(token) })).statusCode,
      403,
      'the role allows audit.read but the token was not given it',
    );
  });

  test('a token cannot be given scopes beyond its owner’s role, nor create tokens itself', async () => {
    const res = await create({ name: 'too much', scopes: ['users.manage'], expiresInDays: 30 });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /users\.manage/);
    const own = (await create({ name: 'minter', scopes: ['tokens.manage-own'], expiresInDays: 1 })).json()
      .token;
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(own),
      payload: { name: 'x', scopes: ['tokens.manage-own'], expiresInDays: 300 },
    });
    assert.equal(minted.statusCode, 403);
    const password = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(own),
      payload: { currentPassword: 'x', newPassword: 'a new long password' },
    });
    assert.equal(password.statusCode, 403, 'a token cannot change its owner’s password');
  });

  test('revoked, expired, unknown and malformed tokens are refused with 401', async () => {
    const { token, apiToken } = (
      await create({ name: 'short-lived', scopes: ['organization.read'], expiresInDays: 1 })
    ).json();
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${apiToken.id}`,
      headers: sessionHeaders(manager),
    });
    assert.equal(revoke.statusCode, 204);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/organization', headers: bearer(token) })).statusCode,
      401,
    );
    const other = (
      await create({ name: 'expiring', scopes: ['organization.read'], expiresInDays: 1 })
    ).json();
    await sql`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = ${other.apiToken.id}`.execute(
      t.handle.db,
    );
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/organization', headers: bearer(other.token) }))
        .statusCode,
      401,
    );
    for (const header of ['Bearer tlt_unknown', 'Basic abc', 'Bearer']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/organization',
        headers: { authorization: header },
      });
      assert.equal(res.statusCode, 401, header);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    }
  });

  test('a token stops working when its owner loses the permission', async () => {
    const auditorSession = await t.signIn('auditor');
    const { token } = (
      await create({ name: 'auditor read', scopes: ['audit.read'], expiresInDays: 5 }, auditorSession)
    ).json();
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: bearer(token) })).statusCode,
      200,
    );
    const admin = await t.signIn('admin');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.users.auditor.id}`,
      headers: sessionHeaders(admin),
      payload: { role: 'viewer' },
    });
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: bearer(token) })).statusCode,
      403,
    );
  });

  test('people see only their own tokens', async () => {
    const viewer = await t.signIn('viewer');
    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: sessionHeaders(viewer) });
    assert.equal(list.json().total, 0);
    const mine = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: sessionHeaders(manager) });
    assert.ok(mine.json().total >= 3);
  });
});
