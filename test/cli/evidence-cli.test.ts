import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contracts/auth.js';
import { type RunningServer, runTillit, startServer } from '../support/cli.js';
import { createTestInstance, type TestInstance } from '../support/test-database.js';

/** A signed-in admin talking JSON to the running server, to set things up and look at the results. */
async function adminClient(url: string, stdout: string) {
  const email = /^\s*email:\s+(\S+)$/m.exec(stdout)?.[1];
  const password = /^\s*password:\s+(\S+)$/m.exec(stdout)?.[1];
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string } };
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${route}`, {
      method,
      headers: { cookie: cookie ?? '', [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${route} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { call, userId: user.id };
}

describe('tillit evidence and metrics commands against a running server', () => {
  let instance: TestInstance;
  let server: RunningServer;
  let admin: Awaited<ReturnType<typeof adminClient>>;
  let token: string;
  let checkId: string;
  let controlId: string;
  const run = (args: string[], env: Record<string, string> = { TILLIT_TOKEN: token }) =>
    runTillit([...args.slice(0, 2), '--url', server.url, ...args.slice(2)], env);

  before(async () => {
    instance = await createTestInstance('evidence-cli', { migrated: true });
    server = await startServer({ ...instance.env, TILLIT_DEMO_PROGRAMME: 'false', TILLIT_JOBS: 'false' });
    admin = await adminClient(server.url, server.stdout());
    const control = await admin.call<{ id: string }>('POST', '/api/controls', {
      ref: 'BCK-01',
      title: 'Backups are restored regularly',
      ownerId: admin.userId,
    });
    controlId = control.id;
    const check = await admin.call<{ id: string }>('POST', '/api/checks', {
      name: 'Restore test from CI',
      kind: 'ci-push',
      config: { maxAgeHours: 26 },
      ownerId: admin.userId,
      controlIds: [controlId],
    });
    checkId = check.id;
    const created = await admin.call<{ token: string }>('POST', '/api/tokens', {
      name: 'ci',
      scopes: ['checks.report', 'evidence.submit'],
      expiresInDays: 7,
    });
    token = created.token;
  });
  after(async () => {
    await server?.stop();
    await instance?.dispose();
  });

  test('evidence push: a failing result from CI fails the check and opens a task; the token is never printed', async () => {
    const details = path.join(instance.dataDir, 'details.json');
    writeFileSync(details, JSON.stringify({ volume: 'db-2', restoredBytes: 0 }));
    const res = await run([
      'evidence',
      'push',
      '--check',
      checkId,
      '--outcome',
      'fail',
      '--summary',
      'Restore of db-2 failed',
      '--details',
      details,
    ]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(
      res.stdout,
      /^Recorded fail for check [0-9a-f-]{36} observed \S+ \(evidence [0-9a-f-]{36}\)\.$/m,
    );
    assert.ok(!res.stdout.includes(token) && !res.stderr.includes(token));
    const check = await admin.call<{ status: string }>('GET', `/api/checks/${checkId}`);
    assert.equal(check.status, 'failing');
    const tasks = await admin.call<{ items: { title: string; status: string }[] }>(
      'GET',
      '/api/tasks?assignee=me',
    );
    assert.deepEqual(
      tasks.items.map((t) => [t.title, t.status]),
      [['Check failing: Restore test from CI', 'open']],
    );
    const control = await admin.call<{ failing: boolean }>('GET', `/api/controls/${controlId}`);
    assert.equal(control.failing, true);

    const passed = await run([
      'evidence',
      'push',
      '--check',
      checkId,
      '--outcome',
      'pass',
      '--summary',
      'Restored',
    ]);
    assert.equal(passed.code, 0, passed.stderr);
    assert.equal((await admin.call<{ status: string }>('GET', `/api/checks/${checkId}`)).status, 'passing');
  });

  test('evidence upload: a file for a control by reference, with the date it proves', async () => {
    const file = path.join(instance.dataDir, 'restore-report.pdf');
    const body = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(50_000, 0x20),
      Buffer.from('%%EOF\n'),
    ]);
    writeFileSync(file, body);
    const res = await run([
      'evidence',
      'upload',
      '--control',
      'BCK-01',
      '--file',
      file,
      '--valid-from',
      '2026-01-15',
      '--title',
      'Restore test January',
    ]);
    assert.equal(res.code, 0, res.stderr);
    const sha = createHash('sha256').update(body).digest('hex');
    assert.match(
      res.stdout,
      new RegExp(`Uploaded restore-report.pdf \\(${body.length} bytes, application/pdf, sha256 ${sha}\\)`),
    );
    assert.match(res.stdout, /for BCK-01\.$/m);
    const listed = await admin.call<{ items: { title: string; validFrom: string }[] }>(
      'GET',
      `/api/evidence?controlId=${controlId}&kind=file`,
    );
    assert.deepEqual(
      listed.items.map((e) => [e.title, e.validFrom]),
      [['Restore test January', '2026-01-15T00:00:00.000Z']],
    );
    const unknown = await run(['evidence', 'upload', '--control', 'NOPE-9', '--file', file]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown control\(s\): NOPE-9/);
  });

  test('metrics push: one sample, or a CSV checked row by row before anything is sent', async () => {
    const one = await run([
      'metrics',
      'push',
      '--metric',
      'room-temperature',
      '--subject',
      'STO1',
      '--value',
      '21.3',
    ]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /Recorded 1 sample\./);
    const csv = path.join(instance.dataDir, 'samples.csv');
    const now = Date.now();
    const at = (m: number) => new Date(now - m * 60_000).toISOString();
    writeFileSync(
      csv,
      `metric,subject,value,observed_at\nroom-temperature,STO1,21.0,${at(3)}\nroom-temperature,STO1,22.5,${at(2)}\nroom-temperature,STO2,19.9,${at(1)}\n`,
    );
    const many = await run(['metrics', 'push', '--csv', csv]);
    assert.equal(many.code, 0, many.stderr);
    assert.match(many.stdout, /Recorded 3 samples\./);
    writeFileSync(
      csv,
      `metric,subject,value,observed_at\nroom-temperature,STO1,21.0,${at(3)}\nroom-temperature,STO1,warm,${at(2)}\n`,
    );
    const bad = await run(['metrics', 'push', '--csv', csv]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /samples\.csv line 3: value/);
    const samples = await admin.call<{ total: number }>('GET', '/api/metric-samples?metric=room-temperature');
    assert.equal(samples.total, 4);
  });

  test('a missing or wrong token is a clear error', async () => {
    const missing = await run(['metrics', 'push', '--metric', 'm', '--value', '1'], {});
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /TILLIT_TOKEN/);
    const wrong = await run(['metrics', 'push', '--metric', 'm', '--value', '1'], {
      TILLIT_TOKEN: 'tlt_wrong',
    });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /401 UNAUTHENTICATED/);
    assert.doesNotMatch(wrong.stderr, /tlt_wrong/);
  });
});
