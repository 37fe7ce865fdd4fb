import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertControl } from '../../../../test/support/controls.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import type { Role } from '../../../contracts/permissions.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('evidence: links, validity, review and control links', () => {
  let t: TestApp;
  const sessions = {} as Record<Role, Session>;
  let control: { id: string; ref: string };
  let second: { id: string; ref: string };

  const call = (role: Role, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: sessionHeaders(sessions[role]) });
  const ok = async (role: Role, method: Method, url: string, payload?: object, status = 200) => {
    const res = await call(role, method, url, payload);
    assert.equal(res.statusCode, status, `${method} ${url} as ${role}: ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const lastAction = async () =>
    (
      await t.handle.db
        .selectFrom('audit_events')
        .select('action')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow()
    ).action;
  const addLink = (role: Role, payload: object) => ok(role, 'POST', '/api/evidence/links', payload, 201);

  before(async () => {
    t = await startTestApp();
    for (const role of ['admin', 'compliance-manager', 'contributor', 'viewer'] as const) {
      sessions[role] = await t.signIn(role);
    }
    control = await insertControl(t.handle.db, t.organizationId, {
      ref: 'BCK-01',
      title: 'Backups are restored',
    });
    second = await insertControl(t.handle.db, t.organizationId, { ref: 'BCK-02' });
  });
  after(() => t.close());

  test('links must be http or https; javascript: and others are refused', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://files.example/x',
      'not a url',
    ]) {
      const res = await call('contributor', 'POST', '/api/evidence/links', { title: 'Bad', url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.details[0].path, 'url');
      assert.match(res.json().error.details[0].message, /http:\/\/ or https:\/\//);
    }
    const link = await addLink('contributor', {
      title: 'Restore test ticket',
      url: 'https://tickets.norrsken.example/OPS-1234',
      validFrom: '2026-02-10',
      controlRefs: ['BCK-01'],
    });
    assert.equal(link.kind, 'link');
    assert.equal(link.url, 'https://tickets.norrsken.example/OPS-1234');
    assert.deepEqual(link.controls, [{ id: control.id, ref: 'BCK-01', title: 'Backups are restored' }]);
    assert.equal(await lastAction(), 'evidence.added');
  });

  test('an expiry on or before the valid-from date is a 400 naming expiresAt, on create and on edit', async () => {
    const res = await call('contributor', 'POST', '/api/evidence/links', {
      title: 'Backwards',
      url: 'https://x.example',
      validFrom: '2026-03-01',
      expiresAt: '2026-03-01',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].path, 'expiresAt');
    const link = await addLink('contributor', {
      title: 'Edit me',
      url: 'https://x.example',
      validFrom: '2026-03-01',
    });
    const edit = await call('contributor', 'PATCH', `/api/evidence/${link.id}`, { expiresAt: '2026-02-01' });
    assert.equal(edit.statusCode, 400);
    assert.equal(edit.json().error.details[0].path, 'expiresAt');
    const fine = await ok('contributor', 'PATCH', `/api/evidence/${link.id}`, { expiresAt: '2027-03-01' });
    assert.equal(fine.expiresAt, '2027-03-01T00:00:00.000Z');
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, {
      action: 'evidence.updated',
      data: { title: 'Edit me', changes: { expiresAt: { from: null, to: '2027-03-01T00:00:00.000Z' } } },
    });
  });

  test('the list filters by state, kind and control, and is paged', async () => {
    const day = 86_400_000;
    const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
    const expired = await addLink('admin', {
      title: 'Old restore test',
      url: 'https://x.example/old',
      validFrom: iso(-400),
      expiresAt: iso(-35),
      controlIds: [second.id],
    });
    const pending = await addLink('admin', {
      title: 'Next audit report',
      url: 'https://x.example/next',
      validFrom: iso(10),
      controlIds: [second.id],
    });
    const fresh = await addLink('admin', {
      title: 'Recent restore test',
      url: 'https://x.example/new',
      validFrom: iso(-1),
      expiresAt: iso(300),
      controlIds: [second.id],
    });
    assert.equal(expired.state, 'expired');
    assert.equal(pending.state, 'pending');
    const ids = async (query: string) =>
      (await ok('viewer', 'GET', `/api/evidence?controlId=${second.id}&${query}`)).items.map(
        (e: { id: string }) => e.id,
      );
    assert.deepEqual(await ids('state=fresh'), [fresh.id]);
    assert.deepEqual(await ids('state=expired'), [expired.id]);
    assert.deepEqual(await ids('state=pending'), [pending.id]);
    assert.deepEqual((await ids('state=stale')).sort(), [expired.id, pending.id].sort());
    assert.deepEqual(await ids(''), [pending.id, fresh.id, expired.id], 'newest valid-from first');
    const page = await ok('viewer', 'GET', `/api/evidence?controlId=${second.id}&pageSize=2&page=2`);
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((e: { id: string }) => e.id),
      [expired.id],
    );
    assert.equal((await ok('viewer', 'GET', '/api/evidence?kind=file')).total, 0);
    assert.equal((await call('viewer', 'GET', '/api/evidence?state=rotten')).statusCode, 400);
  });

  test('submitters change their own evidence until it is reviewed; reviews need a second person', async () => {
    const mine = await addLink('contributor', { title: 'My evidence', url: 'https://x.example/mine' });
    const theirs = await addLink('admin', { title: 'Admin evidence', url: 'https://x.example/admin' });
    assert.equal(
      (await call('contributor', 'PATCH', `/api/evidence/${theirs.id}`, { title: 'x' })).statusCode,
      403,
    );
    assert.equal((await call('contributor', 'DELETE', `/api/evidence/${theirs.id}`)).statusCode, 403);
    assert.equal((await call('contributor', 'POST', `/api/evidence/${mine.id}/review`, {})).statusCode, 403);
    await ok('contributor', 'PATCH', `/api/evidence/${mine.id}`, { title: 'My evidence, renamed' });

    const selfReview = await call('admin', 'POST', `/api/evidence/${theirs.id}/review`, {});
    assert.equal(selfReview.statusCode, 403);
    assert.match(selfReview.json().error.message, /someone other than/);
    const reviewed = await ok('compliance-manager', 'POST', `/api/evidence/${mine.id}/review`, {});
    assert.equal(reviewed.reviewer.id, t.users['compliance-manager'].id);
    assert.ok(reviewed.reviewedAt);
    assert.equal(await lastAction(), 'evidence.reviewed');

    const locked = await call('contributor', 'PATCH', `/api/evidence/${mine.id}`, { title: 'sneaky' });
    assert.equal(locked.statusCode, 403);
    assert.match(locked.json().error.message, /reviewed/);
    assert.equal((await call('contributor', 'DELETE', `/api/evidence/${mine.id}`)).statusCode, 403);
    await ok('compliance-manager', 'DELETE', `/api/evidence/${mine.id}`, undefined, 204);
    assert.equal(await lastAction(), 'evidence.deleted');
    assert.equal((await call('viewer', 'GET', `/api/evidence/${mine.id}`)).statusCode, 404);
  });

  test('evidence is linked to more controls and unlinked, each audited', async () => {
    const link = await addLink('contributor', { title: 'Shared proof', url: 'https://x.example/shared' });
    const linked = await ok('contributor', 'POST', `/api/evidence/${link.id}/controls`, {
      controlIds: [control.id],
      controlRefs: ['BCK-02'],
    });
    assert.deepEqual(
      linked.controls.map((c: { ref: string }) => c.ref),
      ['BCK-01', 'BCK-02'],
    );
    assert.equal(await lastAction(), 'evidence.controls-linked');
    const again = await ok('contributor', 'POST', `/api/evidence/${link.id}/controls`, {
      controlIds: [control.id],
    });
    assert.equal(again.controls.length, 2);
    assert.equal(await lastAction(), 'evidence.controls-linked', 'an existing link adds no event');
    await ok('contributor', 'DELETE', `/api/evidence/${link.id}/controls/${second.id}`, undefined, 204);
    assert.equal(await lastAction(), 'evidence.control-unlinked');
    assert.equal(
      (await call('contributor', 'DELETE', `/api/evidence/${link.id}/controls/${second.id}`)).statusCode,
      404,
    );
    const unknown = await call('contributor', 'POST', `/api/evidence/${link.id}/controls`, {
      controlIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.statusCode, 400);
    const detail = await ok('viewer', 'GET', `/api/evidence/${link.id}`);
    assert.deepEqual(
      detail.controls.map((c: { ref: string }) => c.ref),
      ['BCK-01'],
    );
    assert.equal(detail.checkDetails, null);
  });

  test('evidence of another organisation is invisible', async () => {
    const org = await t.handle.db
      .insertInto('organizations')
      .values({ name: 'Other AB', security_contact_email: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreign = await t.handle.db
      .insertInto('evidence')
      .values({
        organization_id: org.id,
        kind: 'link',
        title: 'Foreign',
        description: '',
        url: 'https://other.example',
        valid_from: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal((await call('admin', 'GET', `/api/evidence/${foreign.id}`)).statusCode, 404);
    assert.equal((await call('admin', 'DELETE', `/api/evidence/${foreign.id}`)).statusCode, 404);
    const all = await ok('admin', 'GET', '/api/evidence?pageSize=200');
    assert.ok(!all.items.some((e: { id: string }) => e.id === foreign.id));
  });
});
