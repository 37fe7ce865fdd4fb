import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/support/test-app.js';
import { routeModules } from '../../modules/index.js';
import { createLogger } from '../logging/logger.js';
import { buildApp } from './app.js';

describe('HTTP basics', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('responses carry security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.ok(res.headers['x-ratelimit-limit'] === undefined, 'health checks are not rate limited');
  });

  test('readiness checks the database and migrations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('the OpenAPI document describes every API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops))
        documented.add(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    // Server-rendered pages (the web app, the public trust center, security.txt) are not part of the API.
    const apiRoutes = t.routes.filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.url !== '/api/openapi.json',
    );
    assert.ok(apiRoutes.length > 100, `only ${apiRoutes.length} API routes found`);
    for (const r of apiRoutes)
      assert.ok(documented.has(`${r.method} ${r.url}`), `${r.method} ${r.url} is missing from OpenAPI`);
    assert.ok(doc.paths['/api/locations'].post.requestBody, 'request bodies are described');
  });

  test('unknown API routes answer 404 in the one error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });
});

describe('logs never contain secrets', () => {
  test('passwords, session cookies, CSRF and API tokens stay out of the log', async () => {
    const t = await startTestApp();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app } = await buildApp(
      { config: t.config, db: t.handle.db, keyring: t.keyring, logger: createLogger('trace', sink) },
      routeModules,
    );
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@test.example', password: TEST_PASSWORD },
      });
      const cookie = login.cookies[0]?.value ?? '';
      const csrf = login.json().csrfToken as string;
      const headers = { cookie: `tillit_session=${cookie}`, 'x-csrf-token': csrf };
      const created = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers,
        payload: { name: 'ci', scopes: ['organization.read'], expiresInDays: 1 },
      });
      const token = created.json().token as string;
      await app.inject({
        method: 'GET',
        url: '/api/organization',
        headers: { authorization: `Bearer ${token}` },
      });
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@test.example', password: 'wrong-password-123' },
      });
      const inviteToken = 'invite-token-secret-0123456789';
      await app.inject({ method: 'GET', url: `/accept-invite?token=${inviteToken}` });
      const log = lines.join('');
      assert.ok(lines.length > 5, 'requests were logged');
      for (const secret of [TEST_PASSWORD, 'wrong-password-123', cookie, csrf, token, inviteToken]) {
        assert.ok(secret.length > 8);
        assert.ok(!log.includes(secret), `a secret leaked into the log: ${secret.slice(0, 6)}…`);
      }
    } finally {
      await app.close();
      await t.close();
    }
  });
});

describe('the web app', () => {
  test('is served from memory with index.html for client routes and hashed assets cached', async () => {
    const t = await startTestApp();
    const web = mkdtempSync(path.join(os.tmpdir(), 'tillit-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Tillit</title>');
    writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'export {}');
    const { app } = await buildApp(
      { config: t.config, db: t.handle.db, keyring: t.keyring, logger: createLogger('silent') },
      routeModules,
      web,
    );
    try {
      const page = await app.inject({ method: 'GET', url: '/users' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<title>Tillit/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      assert.match(String(asset.headers['content-type']), /javascript/);
      assert.match(String(asset.headers['cache-control']), /immutable/);
      const traversal = await app.inject({ method: 'GET', url: '/assets/..%2f..%2fpackage.json' });
      assert.ok(!traversal.body.includes('"name"'), 'no file outside the build is served');
      assert.equal((await app.inject({ method: 'GET', url: '/api/unknown' })).statusCode, 404);
    } finally {
      await app.close();
      await t.close();
    }
  });
});
