import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertControl } from '../../../../test/support/controls.js';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.js';
import { activityCreateSchema } from '../../../contracts/activities.js';
import type { ServiceContext } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/context.js';
import { createLogger } from '../../kernel/logging/logger.js';
import { deliverPendingMail, smtpTransport } from '../../kernel/mail/index.js';
import { sendImmediateMail } from '../tasks/immediate-mail.jobs.js';
import { notify, sendDigests } from '../tasks/index.js';
import { updateNotificationSettings } from '../tasks/notification-settings.service.js';
import { updateTask } from '../tasks/tasks.service.js';
import { openActivityTasks } from './activities.jobs.js';
import { createActivity } from './activities.service.js';
import { escalateOverdueTasks } from './activity-escalation.js';

const DAY = 86_400_000;
const URL = 'https://tillit.norrsken.example';

describe('recurring activities: tasks per occurrence, evidence on completion, escalation, mail', () => {
  let f: ServiceFixture;
  let smtp: TestSmtpServer;
  let manager: ServiceContext;
  let assignee: { id: string; ctx: ServiceContext };
  let cecilia: { id: string; ctx: ServiceContext };
  let activityId: string;
  let controls: { id: string; ref: string }[];
  let occurrences: Date[];

  const tasksOf = () =>
    f.handle.db
      .selectFrom('tasks as t')
      .innerJoin('activity_occurrences as o', 'o.task_id', 't.id')
      .select(['t.id', 't.status', 't.due_at', 't.assignee_id', 'o.evidence_id'])
      .where('o.activity_id', '=', activityId)
      .orderBy('t.due_at')
      .execute();
  const outbox = () =>
    f.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .orderBy('created_at')
      .execute();

  before(async () => {
    f = await createServiceFixture('Norrsken test AB');
    smtp = await startSmtpServer();
    manager = (await f.person('compliance-manager', 'Maja Manager')).ctx;
    assignee = await f.person('contributor', 'Arvid Assignee');
    cecilia = await f.person('compliance-manager', 'Cecilia Compliance');
    controls = [
      await insertControl(f.handle.db, f.organizationId, { ref: 'A.8.13' }),
      await insertControl(f.handle.db, f.organizationId, { ref: 'A.5.30' }),
    ];
    const activity = await createActivity(
      manager,
      activityCreateSchema.parse({
        title: 'Quarterly restore test',
        kind: 'restore-test',
        schedule: {
          type: 'rrule',
          expression: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0;BYSECOND=0',
          startsAt: '2026-01-01T00:00:00Z',
        },
        assigneeId: assignee.id,
        controlIds: controls.map((c) => c.id),
        evidenceRequired: true,
        leadDays: 7,
        escalationDays: 3,
        escalationUserId: cecilia.id,
      }),
    );
    activityId = activity.id;
    const first = new Date(activity.nextOccurrence ?? '');
    occurrences = [first, new Date(first)];
    occurrences[1]?.setUTCMonth(first.getUTCMonth() + 3);
  });
  after(async () => {
    await smtp?.stop();
    await f?.close();
  });

  test('the job opens exactly one task per occurrence, even run twice at once, only within the lead time', async () => {
    const [first] = occurrences as [Date, Date];
    assert.equal(await openActivityTasks(f.handle.db, URL, new Date(first.getTime() - 8 * DAY)), 0);
    const runs = await Promise.all([
      openActivityTasks(f.handle.db, URL, new Date(first.getTime() - 3 * DAY)),
      openActivityTasks(f.handle.db, URL, new Date(first.getTime() - 3 * DAY)),
    ]);
    assert.equal(runs[0] + runs[1], 1);
    assert.equal(await openActivityTasks(f.handle.db, URL, new Date(first.getTime() - 2 * DAY)), 0);
    const tasks = await tasksOf();
    assert.equal(tasks.length, 1);
    assert.deepEqual(
      { status: tasks[0]?.status, due: tasks[0]?.due_at?.toISOString(), assignee: tasks[0]?.assignee_id },
      { status: 'open', due: first.toISOString(), assignee: assignee.id },
    );
    const inbox = await f.handle.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', assignee.id)
      .execute();
    assert.deepEqual(inbox, [{ kind: 'activity-due' }]);
    assert.equal(
      (await outbox()).length,
      0,
      'the assignee gets the daily digest, not a mail per notification',
    );
  });

  test('completion is refused without evidence and links the given evidence to the activity’s controls', async () => {
    const [task] = await tasksOf();
    assert.ok(task);
    await assert.rejects(
      updateTask(assignee.ctx, task.id, { status: 'done' }),
      /requires evidence: upload it/,
    );
    await assert.rejects(
      updateTask(assignee.ctx, task.id, {
        status: 'done',
        evidenceId: '00000000-0000-4000-8000-000000000001',
      }),
      /No evidence .* in this organisation/,
    );
    assert.equal((await tasksOf())[0]?.status, 'open', 'nothing written');
    const evidence = await f.handle.db
      .insertInto('evidence')
      .values({
        organization_id: f.organizationId,
        kind: 'link',
        title: 'Restore of db-2 to STO2',
        description: '',
        url: 'https://wiki.norrsken.example/restore-2026q4',
        valid_from: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = await updateTask(assignee.ctx, task.id, { status: 'done', evidenceId: evidence.id });
    assert.equal(done.status, 'done');
    const linked = await f.handle.db
      .selectFrom('evidence_controls')
      .select('control_id')
      .where('evidence_id', '=', evidence.id)
      .execute();
    assert.deepEqual(linked.map((l) => l.control_id).sort(), controls.map((c) => c.id).sort());
    assert.equal((await tasksOf())[0]?.evidence_id, evidence.id);
    const actions = await f.handle.db
      .selectFrom('audit_events')
      .select('action')
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['task.updated', 'activity.task-completed', 'evidence.controls-linked'],
    );
  });

  test('an overdue task notifies its assignee once, then escalates once to the named person, by mail too', async () => {
    await updateNotificationSettings(manager, { email: 'off' });
    const [, second] = occurrences as [Date, Date];
    assert.equal(await openActivityTasks(f.handle.db, URL, new Date(second.getTime() - DAY)), 1);
    const at = (days: number) => new Date(second.getTime() + days * DAY);
    assert.equal(await escalateOverdueTasks(f.handle.db, URL, at(-0.5)), 0, 'not yet due');
    assert.equal(await escalateOverdueTasks(f.handle.db, URL, at(1)), 1);
    assert.equal(await escalateOverdueTasks(f.handle.db, URL, at(2)), 0, 'overdue once');
    assert.equal(await escalateOverdueTasks(f.handle.db, URL, at(3.5)), 2);
    assert.equal(await escalateOverdueTasks(f.handle.db, URL, at(10)), 0, 'escalated once');
    const notes = await f.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', 'in', ['task-overdue', 'task-escalated'])
      .orderBy('kind')
      .orderBy('user_id')
      .execute();
    assert.deepEqual(
      notes
        .map(
          (n) =>
            `${n.kind}:${n.user_id === assignee.id ? 'assignee' : n.user_id === cecilia.id ? 'cecilia' : '?'}`,
        )
        .sort(),
      ['task-escalated:assignee', 'task-escalated:cecilia', 'task-overdue:assignee'],
    );
    const mails = await outbox();
    assert.deepEqual(
      mails.map((m) => `${m.to_address} ${m.subject.split(':')[0]}`).sort(),
      [
        'arvid.assignee@contributor.example Escalated',
        'arvid.assignee@contributor.example Overdue since 2027-04-01',
        'cecilia.compliance@compliance-manager.example Escalated',
      ]
        .map((s) => s.replace('2027-04-01', second.toISOString().slice(0, 10)))
        .sort(),
    );
    for (const m of mails) {
      assert.match(m.text_body, new RegExp(`${URL}/tasks\\n`));
      assert.match(m.text_body, new RegExp(`${URL}/account`));
    }
  });

  test('the daily digest lists unread notifications once a day, honours "off", and arrives over SMTP', async () => {
    await updateNotificationSettings(cecilia.ctx, { email: 'off' });
    const before = (await outbox()).length;
    assert.equal(
      await sendDigests(f.handle.db, URL),
      1,
      'only the assignee is on the digest with unread mail',
    );
    assert.equal(await sendDigests(f.handle.db, URL), 0, 'one digest per person and day');
    const mails = await outbox();
    assert.equal(mails.length, before + 1);
    const digest = mails.at(-1);
    assert.equal(digest?.to_address, 'arvid.assignee@contributor.example');
    const transport = smtpTransport(smtp.url);
    try {
      await deliverPendingMail(f.handle.db, transport, 'tillit@norrsken.example', createLogger('silent'));
    } finally {
      transport.close();
    }
    const received = await smtp.waitFor(mails.length);
    const arrived = received.find((m) => m.subject.startsWith('Tillit: '));
    assert.ok(arrived, 'the digest arrived at the SMTP server');
    assert.deepEqual(arrived.to, ['arvid.assignee@contributor.example']);
    assert.equal(arrived.subject, 'Tillit: 4 unread notifications');
    assert.match(arrived.text, /Due .*Quarterly restore test/);
    assert.match(arrived.text, /Escalated: Quarterly restore test/);
    assert.match(arrived.text, new RegExp(`Inbox: ${URL}/inbox`));
  });

  test('immediate mail is queued with the notification for people who chose it', async () => {
    await updateNotificationSettings(assignee.ctx, { email: 'immediate' });
    const before = (await outbox()).length;
    const [, second] = occurrences as [Date, Date];
    const third = new Date(second);
    third.setUTCMonth(second.getUTCMonth() + 3);
    assert.equal(await openActivityTasks(f.handle.db, URL, new Date(third.getTime() - DAY)), 1);
    const mails = await outbox();
    assert.equal(mails.length, before + 1);
    assert.equal(mails.at(-1)?.subject, `Due ${third.toISOString().slice(0, 10)}: Quarterly restore test`);
    await inTransaction(f.system, (tx) =>
      notify(tx, [
        {
          userId: assignee.id,
          kind: 'check-failing',
          title: 'Check failing: restore of db-2',
          body: 'Restore took 5 h (limit 4 h)',
          link: '/checks/x',
          dedupeKey: 'check-failing:x',
        },
      ]),
    );
    assert.equal(await sendImmediateMail(f.handle.db, URL), 1, 'another module’s notification, mailed once');
    assert.equal(await sendImmediateMail(f.handle.db, URL), 0);
    const after = await outbox();
    assert.equal(
      after.length,
      mails.length + 1,
      'the activity notice mailed in its transaction is not mailed again',
    );
    assert.equal(after.at(-1)?.subject, 'Check failing: restore of db-2');
    assert.match(after.at(-1)?.text_body ?? '', new RegExp(`${URL}/checks/x`));
  });
});
