import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';

describe('organisation profile, locations and services', () => {
  let t: TestApp;
  let admin: Session;
  const eventCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { ...sessionHeaders(admin), ...extra },
    });

  before(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin');
  });
  after(() => t.close());

  test('the demo organisation has its three data centres and four services', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/organization',
      headers: sessionHeaders(await t.signIn('viewer')),
    });
    assert.equal(res.statusCode, 200);
    const org = res.json();
    assert.equal(org.name, 'Norrsken Cloud AB');
    assert.deepEqual(
      org.locations.map((l: { code: string; country: string }) => `${l.code}/${l.country}`),
      ['OSL1/NO', 'STO1/SE', 'STO2/SE'],
    );
    assert.equal(org.services.length, 4);
  });

  test('an update writes the change and its audit event together', async () => {
    const before = await eventCount();
    const res = await send('PATCH', '/api/organization', { securityContactEmail: 'soc@norrsken.example' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().securityContactEmail, 'soc@norrsken.example');
    assert.equal(await eventCount(), before + 1);
    const event = await t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'organization.updated');
    assert.equal(event.actor_id, t.users.admin.id);
    assert.deepEqual(event.data, {
      changes: { securityContactEmail: { from: 'security@norrsken.example', to: 'soc@norrsken.example' } },
    });
  });

  test('a service records where it runs and its DR pairings; a foreign location or a stray pairing is refused', async () => {
    const org = (
      await t.app.inject({ method: 'GET', url: '/api/organization', headers: sessionHeaders(admin) })
    ).json();
    const code = new Map<string, string>(
      org.locations.map((l: { id: string; code: string }) => [l.code, l.id]),
    );
    const id = (c: string) => code.get(c) ?? '';
    const compute = org.services.find((s: { name: string }) => s.name === 'Compute');
    assert.deepEqual(
      compute.drPairings.map((p: { primaryLocationId: string; drLocationId: string }) =>
        [p.primaryLocationId, p.drLocationId].map((x) => [...code].find(([, v]) => v === x)?.[0]).join('>'),
      ),
      ['OSL1>STO1', 'STO1>OSL1', 'STO1>STO2', 'STO2>STO1'],
    );
    const created = await send('POST', '/api/services', {
      name: 'Archive',
      locations: [{ locationId: id('STO1') }, { locationId: id('OSL1'), storesData: false }],
      drPairings: [{ primaryLocationId: id('STO1'), drLocationId: id('OSL1') }],
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().locations, [
      { locationId: id('OSL1'), storesData: false },
      { locationId: id('STO1'), storesData: true },
    ]);
    const stray = await send('PATCH', `/api/services/${created.json().id}`, {
      drPairings: [{ primaryLocationId: id('STO1'), drLocationId: id('STO2') }],
    });
    assert.equal(stray.statusCode, 400);
    assert.match(stray.json().error.message, /drPairings\[0\]/);
    const foreign = await send('PATCH', `/api/services/${created.json().id}`, {
      locations: [{ locationId: '00000000-0000-4000-8000-000000000000' }],
    });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.json().error.message, /locations\[0\]\.locationId/);
    const moved = await send('PATCH', `/api/services/${created.json().id}`, {
      locations: [{ locationId: id('STO2') }],
      drPairings: [],
    });
    assert.equal(moved.statusCode, 200);
    assert.deepEqual(moved.json().locations, [{ locationId: id('STO2'), storesData: true }]);
    const inUse = await send('DELETE', `/api/locations/${id('STO2')}`);
    assert.equal(inUse.statusCode, 409);
    assert.match(inUse.json().error.message, /used by the service\(s\) .*Archive/);
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'service.updated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(JSON.stringify(event.data).includes('placement'));
    assert.equal((await send('DELETE', `/api/services/${created.json().id}`)).statusCode, 204);
  });

  test('locations: create, rename, refuse a duplicate code, delete — each audited', async () => {
    const created = await send('POST', '/api/locations', {
      code: 'HEL1',
      name: 'Helsinki',
      city: 'Helsinki',
      country: 'FI',
    });
    assert.equal(created.statusCode, 201);
    const id = created.json().id;
    const dup = await send('POST', '/api/locations', {
      code: 'HEL1',
      name: 'Again',
      city: 'Helsinki',
      country: 'FI',
    });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.json().error.message, /HEL1 already exists/);
    const renamed = await send('PATCH', `/api/locations/${id}`, { name: 'Helsinki data centre' });
    assert.equal(renamed.json().name, 'Helsinki data centre');
    assert.equal((await send('DELETE', `/api/locations/${id}`)).statusCode, 204);
    assert.equal((await send('DELETE', `/api/locations/${id}`)).statusCode, 404);
    const actions = await t.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['location.created', 'location.updated', 'location.deleted'],
    );
  });

  test('services can be added, renamed and removed', async () => {
    const created = await send('POST', '/api/services', { name: 'DNS', description: 'Authoritative DNS' });
    assert.equal(created.statusCode, 201);
    const dup = await send('POST', '/api/services', { name: 'dns' });
    assert.equal(dup.statusCode, 409);
    const patched = await send('PATCH', `/api/services/${created.json().id}`, { description: 'Anycast DNS' });
    assert.equal(patched.json().description, 'Anycast DNS');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/services?pageSize=2&page=1',
      headers: sessionHeaders(admin),
    });
    assert.equal(list.json().items.length, 2);
    assert.equal(list.json().total, 5);
  });

  describe('bad input gets a clear 4xx and writes nothing', () => {
    const cases: {
      name: string;
      run: () => Promise<{
        statusCode: number;
        json(): { error: { code: string; message: string; details?: { path: string; message: string }[] } };
      }>;
      status: number;
      code: string;
      mentions: RegExp;
    }[] = [
      {
        name: 'malformed JSON',
        run: () => send('POST', '/api/locations', '{"code": "X', { 'content-type': 'application/json' }),
        status: 400,
        code: 'MALFORMED_REQUEST',
        mentions: /JSON/i,
      },
      {
        name: 'wrong type',
        run: () => send('POST', '/api/locations', { code: 'AB1', name: 5, city: 'X', country: 'SE' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        mentions: /name/,
      },
      {
        name: 'bad country',
        run: () => send('POST', '/api/locations', { code: 'AB1', name: 'n', city: 'X', country: 'Sweden' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        mentions: /country/,
      },
      {
        name: 'unknown field',
        run: () => send('PATCH', '/api/organization', { name: 'X', isAdmin: true }),
        status: 400,
        code: 'VALIDATION_FAILED',
        mentions: /isAdmin/,
      },
      {
        name: 'empty patch',
        run: () => send('PATCH', '/api/organization', {}),
        status: 400,
        code: 'VALIDATION_FAILED',
        mentions: /At least one field/,
      },
      {
        name: 'oversize body',
        run: () => send('PATCH', '/api/organization', { name: 'x'.repeat(2 * 1024 * 1024) }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        mentions: /too large/i,
      },
      {
        name: 'form-encoded body',
        run: () =>
          send('PATCH', '/api/organization', 'name=x', {
            'content-type': 'application/x-www-form-urlencoded',
          }),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        mentions: /content-type|media type/i,
      },
      {
        name: 'not a uuid',
        run: () => send('PATCH', '/api/locations/1%27%20OR%201=1', { name: 'x' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        mentions: /id/,
      },
    ];
    for (const c of cases) {
      test(c.name, async () => {
        const before = await eventCount();
        const res = await c.run();
        assert.equal(res.statusCode, c.status);
        const body = res.json();
        assert.equal(body.error.code, c.code);
        assert.match(`${body.error.message} ${JSON.stringify(body.error.details ?? [])}`, c.mentions);
        assert.equal(await eventCount(), before);
      });
    }
    test('the organisation name is unchanged after all of them', async () => {
      const org = await t.handle.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow();
      assert.equal(org.name, 'Norrsken Cloud AB');
    });
  });
});
