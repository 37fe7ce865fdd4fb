import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Permission, permissions, type RouteAccess } from '../../src/contracts/permissions.js';
import { type Session, sessionHeaders, startTestApp, type TestApp } from '../support/test-app.js';
import { recordResult } from './support/results.js';

// Every guarded route called with a token per single scope: what each scope may call, route by route. The routes ×
// roles test (src/server/kernel/http/route-access.test.ts, in `npm test`) holds every route to its reviewed access;
// this checks that the token path enforces it. About 13 000 requests, so it runs in this tier (on each database),
// not in `npm test`.
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a token holding only `scope` may call: the route's own permission, or a signed-in read. */
function scopeGrants(scope: Permission, method: string, access: RouteAccess): boolean {
  if (access === 'authenticated') return SAFE_METHODS.has(method);
  return access === scope;
}

describe('every route × every single token scope', () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await startTestApp({ TILLIT_API_RATE_LIMIT: '1000000' });
    admin = await t.signIn('admin');
  });
  after(() => t.close());

  test('every route × every single token scope: 403 unless that scope grants the route', async () => {
    const tokens = new Map<Permission, string>();
    for (const scope of permissions) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: sessionHeaders(admin),
        payload: { name: `only ${scope}`, scopes: [scope], expiresInDays: 1 },
      });
      assert.equal(res.statusCode, 201, res.body);
      tokens.set(scope, res.json().token);
    }
    let probes = 0;
    let denied = 0;
    const guarded = t.routes.filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.access !== 'public',
    );
    for (const route of guarded) {
      const url = route.url.replace(':id', ANY_ID).replace(':seq', '1');
      const payload = ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined;
      for (const [scope, token] of tokens) {
        probes++;
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          payload,
          headers: { authorization: `Bearer ${token}` },
        });
        const label = `${route.method} ${route.url} with a ${scope} token → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (scopeGrants(scope, route.method, route.access)) {
          assert.ok(![401, 500].includes(res.statusCode), `expected allow: ${label}`);
          if (res.statusCode === 403)
            assert.doesNotMatch(res.json().error.message, /needs the|no API token scope/, label);
        } else {
          assert.equal(res.statusCode, 403, `expected deny: ${label}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
          denied++;
        }
      }
    }
    recordResult({
      area: 'tokens × scopes',
      tried: `${guarded.length} routes × ${tokens.size} single-scope tokens (${probes} requests)`,
      outcome: 'held',
      detail: `${denied} refused with 403 where the scope does not grant the route; every other answered without 401/500`,
    });
  });
});
