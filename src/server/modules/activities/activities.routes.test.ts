import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiClient } from '../../../../test/support/api.js';
import { insertControl } from '../../../../test/support/controls.js';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import type { Activity } from '../../../contracts/activities.js';
import type { Task } from '../../../contracts/tasks.js';
import { openActivityTasks } from './activities.jobs.js';

describe('recurring activities over HTTP', () => {
  let t: TestApp;
  let manager: ReturnType<typeof apiClient>;
  let contributor: ReturnType<typeof apiClient>;
  let controlId: string;

  const body = () => ({
    title: 'Monthly fire-safety round STO1',
    kind: 'fire-safety-round',
    schedule: { type: 'cron', expression: '0 8 1 * *' },
    assigneeId: t.users.contributor.id,
    controlIds: [controlId],
    evidenceRequired: true,
    leadDays: 3,
    escalationDays: 5,
    escalationUserId: t.users['compliance-manager'].id,
  });
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('recurring_activities')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    t = await startTestApp();
    manager = apiClient(t, await t.signIn('compliance-manager'));
    contributor = apiClient(t, await t.signIn('contributor'));
    controlId = (await insertControl(t.handle.db, t.organizationId, { ref: 'SBA-1' })).id;
  });
  after(() => t.close());

  test('a compliance manager creates, lists and changes an activity; contributors read only', async () => {
    const created = await manager.expect<Activity>(201, 'POST', '/api/activities', body());
    assert.equal(created.schedule.expression, '0 8 1 * *');
    assert.deepEqual(
      created.controls.map((c) => c.ref),
      ['SBA-1'],
    );
    assert.match(created.nextOccurrence ?? '', /-01T08:00:00\.000Z$/);
    assert.equal(created.escalation?.days, 5);
    await contributor.expect(403, 'POST', '/api/activities', body());
    const list = await contributor.expect<{ total: number; items: Activity[] }>(
      200,
      'GET',
      '/api/activities?kind=fire-safety-round',
    );
    assert.equal(list.total, 1);
    const changed = await manager.expect<Activity>(200, 'PATCH', `/api/activities/${created.id}`, {
      schedule: {
        type: 'rrule',
        expression: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1',
        startsAt: '2026-01-01T00:00:00Z',
      },
      controlIds: [],
      active: false,
    });
    assert.equal(changed.schedule.type, 'rrule');
    assert.deepEqual(changed.controls, []);
    assert.equal(changed.nextOccurrence, null, 'a paused activity has no next occurrence');
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.action, 'activity.updated');
    assert.deepEqual(Object.keys((event.data as { changes: object }).changes).sort(), [
      'active',
      'controls',
      'schedule',
    ]);
  });

  test('bad input is a 400 naming the problem, and nothing is written', async () => {
    const before = await count();
    const secondly = await manager.call('POST', '/api/activities', {
      ...body(),
      schedule: { type: 'rrule', expression: 'FREQ=SECONDLY' },
    });
    assert.equal(secondly.statusCode, 400);
    assert.match(secondly.json().error.message, /FREQ=SECONDLY is too frequent/);
    const everyMinute = await manager.call('POST', '/api/activities', {
      ...body(),
      schedule: { type: 'cron', expression: '* * * * *' },
    });
    assert.equal(everyMinute.statusCode, 400);
    const halfEscalation = await manager.call('POST', '/api/activities', {
      ...body(),
      escalationUserId: null,
    });
    assert.equal(halfEscalation.statusCode, 400);
    assert.match(halfEscalation.body, /escalationDays and escalationUserId/);
    const unknownControl = await manager.call('POST', '/api/activities', {
      ...body(),
      controlIds: ['00000000-0000-4000-8000-000000000042'],
    });
    assert.equal(unknownControl.statusCode, 400);
    assert.match(unknownControl.json().error.message, /No control/);
    const badKind = await manager.call('POST', '/api/activities', { ...body(), kind: 'party' });
    assert.equal(badKind.statusCode, 400);
    assert.equal(await count(), before);
  });

  test('the schedule preview gives the next five occurrences or the problem', async () => {
    const preview = await contributor.expect<{ occurrences: string[] }>(
      200,
      'POST',
      '/api/activities/schedule-preview',
      {
        type: 'rrule',
        expression: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;BYHOUR=9',
        startsAt: '2026-01-01T00:00:00Z',
      },
    );
    assert.equal(preview.occurrences.length, 5);
    for (const o of preview.occurrences) assert.match(o, /^\d{4}-(01|04|07|10)-01T09:00:00\.000Z$/);
    const noTime = await contributor.expect<{ occurrences: string[] }>(
      200,
      'POST',
      '/api/activities/schedule-preview',
      { type: 'rrule', expression: 'FREQ=WEEKLY;BYDAY=MO' },
    );
    for (const o of noTime.occurrences)
      assert.match(o, /T00:00:00\.000Z$/, 'midnight UTC, not the minute it was typed');
    const bad = await contributor.call('POST', '/api/activities/schedule-preview', {
      type: 'rrule',
      expression: 'FREQ=MINUTELY',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /too frequent/);
  });

  test('notification settings: daily digest by default, a choice of immediate or off, nothing else', async () => {
    assert.deepEqual(await contributor.expect(200, 'GET', '/api/me/notification-settings'), {
      email: 'digest',
    });
    assert.deepEqual(
      await contributor.expect(200, 'PUT', '/api/me/notification-settings', { email: 'off' }),
      {
        email: 'off',
      },
    );
    assert.deepEqual(await contributor.expect(200, 'GET', '/api/me/notification-settings'), { email: 'off' });
    assert.deepEqual(await manager.expect(200, 'GET', '/api/me/notification-settings'), { email: 'digest' });
    await contributor.expect(400, 'PUT', '/api/me/notification-settings', { email: 'hourly' });
    assert.deepEqual(await contributor.expect(200, 'GET', '/api/me/notification-settings'), { email: 'off' });
  });

  test('completing an activity’s task asks for evidence, shows it is required, and links the evidence', async () => {
    const activity = await manager.expect<Activity>(201, 'POST', '/api/activities', body());
    const due = new Date(activity.nextOccurrence ?? '');
    assert.equal(
      await openActivityTasks(t.handle.db, 'http://tillit.test', new Date(due.getTime() - 86_400_000)),
      1,
    );
    const tasks = await contributor.expect<{ items: Task[] }>(
      200,
      'GET',
      '/api/tasks?assignee=me&status=open',
    );
    const task = tasks.items.find((x) => x.source?.id === activity.id);
    assert.ok(task);
    assert.equal(task.evidenceRequired, true);
    assert.equal(task.source?.name, 'Monthly fire-safety round STO1');
    const refused = await contributor.call('PATCH', `/api/tasks/${task.id}`, { status: 'done' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /requires evidence/);
    const early = await contributor.call('PATCH', `/api/tasks/${task.id}`, {
      evidenceId: '00000000-0000-4000-8000-000000000002',
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.json().error.message, /only when completing/);
    const evidence = await t.handle.db
      .insertInto('evidence')
      .values({
        organization_id: t.organizationId,
        kind: 'link',
        title: 'Fire-safety round STO1 checklist',
        description: '',
        url: 'https://wiki.norrsken.example/sba/sto1',
        valid_from: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const viewer = apiClient(t, await t.signIn('viewer'));
    const viewers = await manager.expect<Activity>(201, 'POST', '/api/activities', {
      ...body(),
      title: 'Read-only round',
      assigneeId: t.users.viewer.id,
    });
    const viewerDue = new Date(viewers.nextOccurrence ?? '');
    await openActivityTasks(t.handle.db, 'http://tillit.test', new Date(viewerDue.getTime() - 86_400_000));
    const viewerTask = (
      await viewer.expect<{ items: Task[] }>(200, 'GET', '/api/tasks?assignee=me&status=open')
    ).items.find((x) => x.source?.id === viewers.id);
    assert.ok(viewerTask);
    const notAllowed = await viewer.call('PATCH', `/api/tasks/${viewerTask.id}`, {
      status: 'done',
      evidenceId: evidence.id,
    });
    assert.equal(notAllowed.statusCode, 403);
    assert.match(notAllowed.json().error.message, /evidence\.submit/);
    const done = await contributor.expect<Task>(200, 'PATCH', `/api/tasks/${task.id}`, {
      status: 'done',
      evidenceId: evidence.id,
    });
    assert.equal(done.status, 'done');
    const links = await t.handle.db
      .selectFrom('evidence_controls')
      .select('control_id')
      .where('evidence_id', '=', evidence.id)
      .execute();
    assert.deepEqual(links, [{ control_id: controlId }]);
  });
});
