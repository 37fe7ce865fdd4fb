import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import {
  permissionsOf,
  type Role,
  type RouteAccess,
  rolePermissions,
  roles,
} from '../../../contracts/permissions.js';
import { modules, routeAccess } from '../../modules/index.js';
import { kernelModule } from '../kernel.module.js';
import { createLogger } from '../logging/logger.js';
import { buildApp } from './app.js';

// The reviewed access of every route is composed from each module's `routeAccess` (its `<m>.module.ts`) and the
// kernel's. A new route fails this test until its module lists it, so each route's permission is a deliberate decision.
// What each single token scope may call, route by route (≈ 13 000 requests), is checked by the reliability tier:
// test/reliability/token-scopes.reliability.ts.
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** POST routes that compute an answer and write nothing, so a read permission may call them. */
const readOnlyPosts = new Set(['POST /api/activities/schedule-preview']);

function mayUse(role: Role, access: RouteAccess): boolean {
  return access === 'public' || access === 'authenticated' || rolePermissions[role].has(access);
}

describe('every route × every role', () => {
  let t: TestApp;
  const sessions = {} as Record<Role, Session>;
  before(async () => {
    t = await startTestApp({ TILLIT_API_RATE_LIMIT: '1000000' });
    for (const role of roles) sessions[role] = await t.signIn(role);
  });
  after(() => t.close());

  test('every registered route has a reviewed access declaration', () => {
    const registered = t.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    for (const key of registered) {
      const route = t.routes.find((r) => `${r.method} ${r.url}` === key);
      assert.ok(key in routeAccess, `route ${key} is not in the reviewed access table`);
      assert.equal(route?.access, routeAccess[key], `route ${key} declares ${route?.access}`);
    }
    assert.deepEqual(
      new Set(registered),
      new Set(Object.keys(routeAccess)),
      'the table lists a route that no longer exists',
    );
  });

  test("each module's routeAccess lists exactly the routes that module registers", async () => {
    const deps = { config: t.config, db: t.handle.db, keyring: t.keyring, logger: createLogger('silent') };
    const kernelRoutes = new Set(Object.keys(kernelModule.routeAccess ?? {}));
    for (const m of modules) {
      const { app, routes } = await buildApp(deps, m.routes ?? []);
      await app.close();
      const registered = routes
        .filter((r) => r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`)
        .filter((k) => !kernelRoutes.has(k));
      assert.deepEqual(registered.sort(), Object.keys(m.routeAccess ?? {}).sort(), `module ${m.name}`);
    }
  });

  test('each route allows exactly the roles its permission grants, and refuses anonymous callers', async () => {
    for (const route of t.routes.filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.url !== '/api/openapi.json',
    )) {
      const url = route.url.replace(':id', ANY_ID).replace(':seq', '1');
      const payload = ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined;
      const anonymous = await t.app.inject({ method: route.method as 'GET', url, payload });
      if (route.access === 'public')
        assert.notEqual(anonymous.statusCode, 401, `${route.method} ${route.url} anonymous`);
      else
        assert.equal(anonymous.statusCode, 401, `${route.method} ${route.url} must refuse anonymous callers`);
      for (const role of roles) {
        const session = route.url === '/api/auth/logout' ? await t.signIn(role) : sessions[role];
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          payload,
          headers: sessionHeaders(session),
        });
        const label = `${route.method} ${route.url} as ${role} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (mayUse(role, route.access)) {
          assert.ok(![401, 403, 500].includes(res.statusCode), `expected allow: ${label}`);
        } else {
          assert.equal(res.statusCode, 403, `expected deny: ${label}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
        }
      }
    }
  });

  test('no state-changing route can be satisfied by a read permission', () => {
    const offending = t.routes
      .filter((r) => !SAFE_METHODS.has(r.method) && !readOnlyPosts.has(`${r.method} ${r.url}`))
      .filter((r) => r.access.endsWith('.read'))
      .map((r) => `${r.method} ${r.url} needs only ${r.access}`);
    assert.deepEqual(offending, [], 'a read-only token could change state through these routes');
  });

  test('a duty adds exactly its permissions: a contributor made incident manager', async () => {
    const granted = permissionsOf('contributor', ['incident-manager']);
    assert.ok(granted.has('incidents.manage'));
    assert.deepEqual(permissionsOf('auditor', ['incident-manager']), rolePermissions.auditor);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.users.contributor.id}`,
      headers: sessionHeaders(sessions.admin),
      payload: { duties: ['incident-manager'] },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const session = await t.signIn('contributor');
    let widened = 0;
    for (const route of t.routes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))) {
      if (route.access === 'public' || route.access === 'authenticated') continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', ANY_ID).replace(':seq', '1'),
        payload: ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined,
        headers: sessionHeaders(session),
      });
      const label = `${route.method} ${route.url} as an incident manager → ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (granted.has(route.access)) assert.ok(![401, 403, 500].includes(res.statusCode), label);
      else assert.equal(res.statusCode, 403, label);
      if (granted.has(route.access) && !rolePermissions.contributor.has(route.access)) widened++;
    }
    assert.ok(widened > 5, `the duty opened ${widened} routes`);
  });

  test('a route without an access declaration stops the app from starting', async () => {
    await assert.rejects(
      buildApp({ config: t.config, db: t.handle.db, keyring: t.keyring, logger: createLogger('silent') }, [
        (app) => app.get('/api/undeclared', async () => ({})),
      ]),
      /declares no access/,
    );
  });
});
