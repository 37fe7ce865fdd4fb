import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Session,
  sessionHeaders,
  startTestApp,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { inTransaction } from '../../kernel/context.js';
import { notify } from './notify.js';
import { openTaskForSource } from './task-sources.js';

describe('tasks and the inbox', () => {
  let t: TestApp;
  let contributor: Session;
  let viewer: Session;
  let manager: Session;
  let mine: string;
  let theirs: string;

  const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: sessionHeaders(s) });

  before(async () => {
    t = await startTestApp();
    contributor = await t.signIn('contributor');
    viewer = await t.signIn('viewer');
    manager = await t.signIn('compliance-manager');
    await inTransaction(t.systemContext(), async (tx) => {
      const source = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
      mine = (
        await openTaskForSource(tx, {
          sourceType: 'check',
          sourceId: source(1),
          title: 'Check failing: restore test',
          description: 'db-2 failed',
          assigneeId: t.users.contributor.id,
        })
      ).id;
      theirs = (
        await openTaskForSource(tx, {
          sourceType: 'check',
          sourceId: source(2),
          title: 'Check failing: temperature',
          description: '24.1 °C',
          assigneeId: t.users.viewer.id,
        })
      ).id;
      const again = await openTaskForSource(tx, {
        sourceType: 'check',
        sourceId: source(1),
        title: 'duplicate',
        description: '',
        assigneeId: null,
      });
      assert.deepEqual(again, { id: mine, opened: false }, 'one open task per source');
      await notify(tx, [
        {
          userId: t.users.contributor.id,
          kind: 'check-failing',
          title: 'A',
          body: '',
          link: '/checks/x',
          dedupeKey: 'a',
        },
        {
          userId: t.users.contributor.id,
          kind: 'check-failing',
          title: 'B',
          body: '',
          link: null,
          dedupeKey: 'b',
        },
        {
          userId: t.users.contributor.id,
          kind: 'check-failing',
          title: 'A again',
          body: '',
          link: null,
          dedupeKey: 'a',
        },
        {
          userId: t.users.viewer.id,
          kind: 'check-failing',
          title: 'C',
          body: '',
          link: null,
          dedupeKey: 'a',
        },
      ]);
    });
  });
  after(() => t.close());

  test('my tasks and everyone’s', async () => {
    const minePage = (await call(contributor, 'GET', '/api/tasks?assignee=me')).json();
    assert.deepEqual(
      minePage.items.map((x: { id: string }) => x.id),
      [mine],
    );
    const all = (await call(contributor, 'GET', '/api/tasks?status=open')).json();
    assert.equal(all.total, 2);
    const detail = (await call(viewer, 'GET', `/api/tasks/${mine}`)).json();
    assert.equal(detail.assignee.name, 'Test contributor');
  });

  test('the assignee closes their task; others need tasks.manage, and only it reassigns', async () => {
    assert.equal(
      (await call(contributor, 'PATCH', `/api/tasks/${theirs}`, { status: 'done' })).statusCode,
      403,
    );
    const reassign = await call(contributor, 'PATCH', `/api/tasks/${mine}`, {
      assigneeId: t.users.viewer.id,
    });
    assert.equal(reassign.statusCode, 403);
    const done = await call(contributor, 'PATCH', `/api/tasks/${mine}`, { status: 'done' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'done');
    assert.ok(done.json().completedAt);
    const moved = await call(manager, 'PATCH', `/api/tasks/${theirs}`, {
      assigneeId: t.users.contributor.id,
    });
    assert.equal(moved.json().assignee.id, t.users.contributor.id);
    const event = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, {
      action: 'task.updated',
      data: {
        title: 'Check failing: temperature',
        changes: { assigneeId: { from: t.users.viewer.id, to: t.users.contributor.id } },
      },
    });
    const inactive = await call(manager, 'PATCH', `/api/tasks/${theirs}`, {
      assigneeId: '00000000-0000-4000-8000-000000000009',
    });
    assert.equal(inactive.statusCode, 400);
  });

  test('the inbox: one entry per dedupe key, unread count, mark read, mark all read; only my own', async () => {
    const inbox = (await call(contributor, 'GET', '/api/notifications')).json();
    assert.deepEqual(inbox.items.map((n: { title: string }) => n.title).sort(), ['A', 'B']);
    assert.deepEqual((await call(contributor, 'GET', '/api/notifications/unread-count')).json(), {
      unread: 2,
    });
    const viewerNote = (await call(viewer, 'GET', '/api/notifications')).json().items[0];
    assert.equal(
      (await call(contributor, 'POST', `/api/notifications/${viewerNote.id}/read`)).statusCode,
      404,
    );
    const first = inbox.items[0];
    const read = await call(contributor, 'POST', `/api/notifications/${first.id}/read`);
    assert.equal(read.statusCode, 200);
    assert.ok(read.json().readAt);
    assert.deepEqual((await call(contributor, 'GET', '/api/notifications/unread-count')).json(), {
      unread: 1,
    });
    assert.equal((await call(contributor, 'GET', '/api/notifications?unread=true')).json().total, 1);
    assert.deepEqual((await call(contributor, 'POST', '/api/notifications/read-all')).json(), { marked: 1 });
    assert.deepEqual((await call(contributor, 'GET', '/api/notifications/unread-count')).json(), {
      unread: 0,
    });
    assert.deepEqual((await call(viewer, 'GET', '/api/notifications/unread-count')).json(), { unread: 1 });
  });
});
