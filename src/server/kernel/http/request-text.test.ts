import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { sessionHeaders, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { MAX_JSON_DEPTH, requestTextProblem } from './request-text.js';

describe('NUL bytes and hostile nesting in requests', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    t = await startTestApp();
    api = apiClient(t, await t.signIn('admin'));
  });
  after(() => t.close());

  test('finds a NUL byte in nested strings and keys, and nesting beyond the limit', () => {
    assert.deepEqual(requestTextProblem({ a: [{ b: 'x\u0000' }] }, ''), {
      path: 'a.0.b',
      message: 'Text must not contain NUL bytes (\\u0000)',
    });
    assert.equal(requestTextProblem({ 'k\u0000': 1 }, '')?.path, 'k\u0000');
    assert.equal(requestTextProblem({ a: 'fine', b: [1, 'ok', null] }, ''), undefined);
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH + 1; i++) deep = [deep];
    assert.match(requestTextProblem(deep, '')?.message ?? '', /Nested deeper/);
  });

  const bodies: [string, string, Record<string, unknown>, string][] = [
    ['POST', '/api/controls', { title: 'Backups\u0000' }, 'title'],
    ['POST', '/api/controls', { title: 'ok', requirementIds: ['\u0000'] }, 'requirementIds.0'],
    ['POST', '/api/risks', { title: 'Flood\u0000', likelihood: 2, impact: 3 }, 'title'],
    ['PATCH', '/api/organization', { name: 'Org\u0000' }, 'name'],
  ];
  for (const [method, url, payload, field] of bodies) {
    test(`${method} ${url} with a NUL byte in ${field} → 400 naming the field`, async () => {
      const res = await api.call(method as 'POST', url, payload);
      assert.equal(res.statusCode, 400, res.body);
      const error = res.json().error as { code: string; details: { path: string }[] };
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.details[0]?.path, field);
    });
  }

  for (const url of ['/api/controls?q=%00', '/api/risks?q=a%00b', '/api/audit-events?action=%00']) {
    test(`GET ${url} → 400`, async () => {
      const res = await api.call('GET', url);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, /NUL/);
    });
  }

  test('a public route refuses a NUL byte too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@test.example\u0000', password: 'x' },
    });
    assert.equal(res.statusCode, 400, res.body);
  });

  test('JSON nested 100 000 levels deep → 400, not 500', async () => {
    const depth = 100_000;
    const session = await t.signIn('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/controls',
      headers: { ...sessionHeaders(session), 'content-type': 'application/json' },
      payload: `{"title":"deep","x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    assert.equal(res.statusCode, 400, res.body.slice(0, 300));
    assert.match(res.body, /Nested deeper than 64 levels/);
  });

  const uploads: [string, string, [string, string][], string][] = [
    ['/api/evidence/files', 'evidence', [['title', 'Restore test\u0000']], 'title'],
    [
      '/api/evidence/files',
      'evidence',
      [
        ['title', 'Restore test'],
        ['no\u0000te', 'x'],
      ],
      'no\\u0000te',
    ],
    [
      '/api/trust-documents',
      'trust_documents',
      [
        ['title', 'Security whitepaper'],
        ['kind', 'other'],
        ['accessLevel', 'public'],
        ['description', 'About\u0000'],
      ],
      'description',
    ],
    ['/api/questionnaires', 'questionnaires', [['title', 'CAIQ\u0000']], 'title'],
  ];
  for (const [url, table, fields, field] of uploads) {
    test(`multipart POST ${url} with a NUL byte in ${field} → 400 naming the field, nothing kept`, async () => {
      const count = async () =>
        (
          await t.handle.db
            .selectFrom(table as 'evidence')
            .select('id')
            .execute()
        ).length;
      const before = await count();
      const body = await multipartBody(fields, {
        name: 'file.pdf',
        type: 'application/pdf',
        body: Buffer.from('%PDF-1.4\n'),
      });
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...sessionHeaders(await t.signIn('admin')), ...body.headers },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 400, res.body);
      const error = res.json().error as { code: string; message: string; details: { path: string }[] };
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.details[0]?.path, field);
      assert.match(error.message, /NUL/);
      assert.equal(await count(), before);
    });
  }
});
