import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  sessionCookieOf,
  sessionHeaders,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { SESSION_COOKIE } from '../../../contracts/auth.js';

async function auditActions(t: TestApp): Promise<string[]> {
  const rows = await t.handle.db
    .selectFrom('audit_events')
    .select('action')
    .where('organization_id', '=', t.organizationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('signing in sets a HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ADMIN@test.example', password: TEST_PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    const body = res.json();
    assert.equal(body.user.role, 'admin');
    assert.equal(body.organization.name, 'Norrsken Cloud AB');
    assert.ok(body.csrfToken.length >= 40);
    const stored = await t.handle.db.selectFrom('sessions').select('token_hash').execute();
    assert.ok(
      stored.every((s) => s.token_hash !== cookie.value),
      'the session token is stored only as a hash',
    );
    assert.ok((await auditActions(t)).includes('auth.signed-in'));
  });

  test('a wrong password and an unknown e-mail get the same answer', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.example', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@test.example', password: 'nope' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.message, unknown.json().error.message);
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
  });

  test('a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const s = await t.signIn('admin');
    const before = await auditActions(t);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: { cookie: `${SESSION_COOKIE}=${s.cookie}` },
      payload: { name: 'Hijacked' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'CSRF_TOKEN_INVALID');
    assert.deepEqual(await auditActions(t), before);
    const org = await t.handle.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow();
    assert.equal(org.name, 'Norrsken Cloud AB');
  });

  test('signing out ends the session', async () => {
    const s = await t.signIn('viewer');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: sessionHeaders(s) });
    assert.equal(out.statusCode, 204);
    const again = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(s) });
    assert.equal(again.statusCode, 401);
  });

  test('changing the password needs the current one, ends other sessions and keeps this one', async () => {
    const s1 = await t.signIn('contributor');
    const s2 = await t.signIn('contributor');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: sessionHeaders(s1),
      payload: { currentPassword: 'wrong', newPassword: 'another long password' },
    });
    assert.equal(bad.statusCode, 401);
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: sessionHeaders(s1),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.details[0].path, 'newPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: sessionHeaders(s1),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another long password' },
    });
    assert.equal(ok.statusCode, 204);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(s1) }))
        .statusCode,
      200,
    );
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(s2) }))
        .statusCode,
      401,
    );
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'contributor@test.example', password: 'another long password' },
    });
    assert.equal(relogin.statusCode, 200);
    assert.ok((await auditActions(t)).includes('user.password-changed'));
  });

  test('an invited person accepts once, gets the invited role and is signed in', async () => {
    const admin = await t.signIn('admin');
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/users/invitations',
      headers: sessionHeaders(admin),
      payload: { email: 'new.auditor@test.example', name: 'New Auditor', role: 'auditor' },
    });
    assert.equal(invite.statusCode, 201);
    const { inviteToken, inviteUrl } = invite.json();
    assert.ok(inviteUrl.endsWith(`/accept-invite?token=${inviteToken}`));
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invite',
      payload: { token: inviteToken, name: 'Ada Auditor', password: 'a good long passphrase' },
    });
    assert.equal(accept.statusCode, 200);
    assert.equal(accept.json().user.role, 'auditor');
    assert.equal(accept.json().user.name, 'Ada Auditor');
    assert.ok(sessionCookieOf(accept));
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invite',
      payload: { token: inviteToken, name: 'Mallory', password: 'a good long passphrase' },
    });
    assert.equal(reuse.statusCode, 404);
  });

  test('a disabled user is signed out everywhere and cannot sign in', async () => {
    const admin = await t.signIn('admin');
    const victim = await t.signIn('viewer');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.users.viewer.id}`,
      headers: sessionHeaders(admin),
      payload: { status: 'disabled' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(victim) }))
        .statusCode,
      401,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'viewer@test.example', password: TEST_PASSWORD },
    });
    assert.equal(login.statusCode, 401);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ TILLIT_LOGIN_RATE_LIMIT: '3' });
  });
  after(() => t.close());

  test('too many attempts from one address get 429 RATE_LIMITED', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@test.example', password: 'guess' },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.example', password: TEST_PASSWORD },
    });
    assert.equal(res.json().error.code, 'RATE_LIMITED');
  });
});
