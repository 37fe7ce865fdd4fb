import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertControl } from '../../../../test/support/controls.js';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';

describe('checks over HTTP: CI pushes with API tokens, metric batches, run now', () => {
  let t: TestApp;
  let manager: Session;
  let contributor: Session;
  let control: { id: string; ref: string };
  let ciCheck: { id: string };
  let reportToken: string;

  const asSession = (
    s: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, payload, headers: sessionHeaders(s) });
  const asToken = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const createToken = async (scopes: string[]) => {
    const res = await asSession(contributor, 'POST', '/api/tokens', {
      name: `ci ${scopes}`,
      scopes,
      expiresInDays: 30,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().token as string;
  };
  const sampleCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('metric_samples')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp();
    manager = await t.signIn('compliance-manager');
    contributor = await t.signIn('contributor');
    control = await insertControl(t.handle.db, t.organizationId, {
      ref: 'OPS-BACKUP',
      ownerId: t.users.contributor.id,
    });
    const created = await asSession(manager, 'POST', '/api/checks', {
      name: 'Nightly restore test',
      kind: 'ci-push',
      config: { maxAgeHours: 26 },
      schedule: '30 7 * * *',
      ownerId: t.users.contributor.id,
      controlIds: [control.id],
    });
    assert.equal(created.statusCode, 201, created.body);
    ciCheck = created.json();
    reportToken = await createToken(['checks.report']);
  });
  after(() => t.close());

  test('a token with checks.report pushes a failing result: the check fails and its owner gets a task', async () => {
    const res = await asToken(reportToken, 'POST', `/api/checks/${ciCheck.id}/results`, {
      outcome: 'fail',
      summary: 'Restore of volume db-2 failed checksum',
      details: { volume: 'db-2', job: 'https://ci.norrsken.example/jobs/991' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().outcome, 'fail');
    assert.equal(res.json().trigger, 'push');
    const check = (await asSession(manager, 'GET', `/api/checks/${ciCheck.id}`)).json();
    assert.equal(check.status, 'failing');
    assert.equal(check.nextRunAt.slice(11, 16), '07:30');
    const tasks = (await asSession(contributor, 'GET', '/api/tasks?assignee=me&status=open')).json();
    assert.equal(tasks.total, 1);
    assert.deepEqual(tasks.items[0].source, { type: 'check', id: ciCheck.id, name: 'Nightly restore test' });
    const results = (await asSession(manager, 'GET', `/api/checks/${ciCheck.id}/results`)).json();
    assert.deepEqual(results.items[0].details, {
      volume: 'db-2',
      job: 'https://ci.norrsken.example/jobs/991',
    });
    const evidence = (
      await asSession(manager, 'GET', `/api/evidence?controlId=${control.id}&kind=check-result`)
    ).json();
    assert.equal(evidence.total, 1, 'the result is evidence of the check’s control');
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['actor_id', 'data'])
      .where('action', '=', 'check.ran')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_id, t.users.contributor.id, 'the token acts for its owner');
  });

  test('what a token may do is limited to its scopes', async () => {
    const readOnly = await createToken(['checks.read']);
    const denied = await asToken(readOnly, 'POST', `/api/checks/${ciCheck.id}/results`, {
      outcome: 'pass',
      summary: 'x',
    });
    assert.equal(denied.statusCode, 403);
    assert.equal((await asToken(reportToken, 'GET', '/api/checks')).statusCode, 403);
    assert.equal(
      (await asToken('tlt_not-a-real-token', 'POST', '/api/metric-samples', { samples: [] })).statusCode,
      401,
    );
    const huge = await asToken(reportToken, 'POST', `/api/checks/${ciCheck.id}/results`, {
      outcome: 'pass',
      summary: 'big',
      details: { log: 'x'.repeat(70_000) },
    });
    assert.equal(huge.statusCode, 400);
    assert.match(huge.body, /at most 64 KiB/);
  });

  test('a metric batch is all or nothing: one bad sample refuses every sample', async () => {
    const now = Date.now();
    const samples = Array.from({ length: 500 }, (_, i) => ({
      metric: 'room-temperature',
      subject: 'STO2',
      value: 20 + (i % 3),
      observedAt: new Date(now - i * 60_000).toISOString(),
    }));
    const bad = [...samples.slice(0, 250), { ...samples[250], value: 'warm' }, ...samples.slice(251)];
    const before = await sampleCount();
    const refused = await asToken(reportToken, 'POST', '/api/metric-samples', { samples: bad });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.details[0].path, 'samples.250.value');
    const future = [
      ...samples.slice(0, 10),
      { ...samples[10], observedAt: new Date(now + 86_400_000).toISOString() },
    ];
    const refusedFuture = await asToken(reportToken, 'POST', '/api/metric-samples', { samples: future });
    assert.equal(refusedFuture.statusCode, 400);
    assert.equal(refusedFuture.json().error.details[0].path, 'samples.10.observedAt');
    assert.equal(await sampleCount(), before);
    const accepted = await asToken(reportToken, 'POST', '/api/metric-samples', { samples });
    assert.equal(accepted.statusCode, 201, accepted.body);
    assert.deepEqual(accepted.json(), { recorded: 500 });
    assert.equal(await sampleCount(), before + 500);
    const listed = (
      await asSession(manager, 'GET', '/api/metric-samples?metric=room-temperature&subject=STO2&pageSize=5')
    ).json();
    assert.equal(listed.total, 500);
    assert.equal(listed.items.length, 5);
  });

  test('a batch of more than 10 000 samples is refused', async () => {
    const sample = { metric: 'm', value: 1, observedAt: new Date().toISOString() };
    const res = await asToken(reportToken, 'POST', '/api/metric-samples', {
      samples: Array.from({ length: 10_001 }, () => sample),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /10000|10 000/);
  });

  test('create validates the kind’s config and the schedule, naming the field; run now records a result', async () => {
    const badCron = await asSession(manager, 'POST', '/api/checks', {
      name: 'Bad',
      kind: 'freshness',
      config: { maxAgeDays: 7 },
      schedule: '0 24 * * *',
    });
    assert.equal(badCron.statusCode, 400);
    assert.deepEqual(badCron.json().error.details, [
      { path: 'schedule', message: badCron.json().error.message },
    ]);
    assert.match(badCron.json().error.message, /hour field "24"/);
    const badConfig = await asSession(manager, 'POST', '/api/checks', {
      name: 'Bad config',
      kind: 'metric-threshold',
      config: { metric: 'room-temperature', min: 25, max: 18, windowHours: 24 },
    });
    assert.equal(badConfig.statusCode, 400);
    assert.ok(badConfig.json().error.details.some((d: { path: string }) => d.path.startsWith('config')));
    const temp = (
      await asSession(manager, 'POST', '/api/checks', {
        name: 'STO2 temperature',
        kind: 'metric-threshold',
        config: { metric: 'room-temperature', subject: 'STO2', min: 18, max: 23, windowHours: 12 },
        controlIds: [control.id],
      })
    ).json();
    const ran = await asSession(contributor, 'POST', `/api/checks/${temp.id}/run`, {});
    assert.equal(ran.statusCode, 200, ran.body);
    assert.equal(ran.json().outcome, 'pass');
    assert.equal(ran.json().trigger, 'manual');
    const pushToWrongKind = await asSession(contributor, 'POST', `/api/checks/${temp.id}/results`, {
      outcome: 'pass',
      summary: 'x',
    });
    assert.equal(pushToWrongKind.statusCode, 409);
    const list = (await asSession(contributor, 'GET', '/api/checks?status=failing')).json();
    assert.deepEqual(
      list.items.map((c: { name: string }) => c.name),
      ['Nightly restore test'],
    );
    assert.equal((await asSession(contributor, 'POST', '/api/checks', { name: 'x' })).statusCode, 403);
  });

  test('deleting a check keeps its results as evidence and cancels its open task', async () => {
    const res = await asSession(manager, 'DELETE', `/api/checks/${ciCheck.id}`);
    assert.equal(res.statusCode, 204);
    const tasks = (await asSession(manager, 'GET', '/api/tasks?status=cancelled')).json();
    assert.equal(tasks.total, 1);
    const evidence = (await asSession(manager, 'GET', `/api/evidence?checkId=${ciCheck.id}`)).json();
    assert.equal(evidence.total, 1);
    assert.equal(evidence.items[0].check.name, null);
    assert.equal((await asSession(manager, 'GET', `/api/checks/${ciCheck.id}/results`)).statusCode, 404);
  });
});
