import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { type NewNotification, notifyAndMail } from '../tasks/index.js';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

interface OverdueTask {
  organization_id: string;
  task_id: string;
  task_title: string;
  assignee_id: string | null;
  due_at: Date;
  escalation_days: number | null;
  escalation_user_id: string | null;
}

async function overdueActivityTasks(db: Kysely<Database>, now: Date): Promise<OverdueTask[]> {
  return db
    .selectFrom('tasks as t')
    .innerJoin('activity_occurrences as o', (j) =>
      j.onRef('o.id', '=', 't.source_id').onRef('o.organization_id', '=', 't.organization_id'),
    )
    .innerJoin('recurring_activities as a', (j) =>
      j.onRef('a.id', '=', 'o.activity_id').onRef('a.organization_id', '=', 'o.organization_id'),
    )
    .select([
      't.organization_id',
      't.id as task_id',
      't.title as task_title',
      't.assignee_id',
      'o.occurs_at as due_at',
      'a.escalation_days',
      'a.escalation_user_id',
    ])
    .where('t.source_type', '=', 'activity')
    .where('t.status', '=', 'open')
    .where('o.occurs_at', '<', now)
    .orderBy('t.organization_id')
    .execute();
}

/** The notifications an overdue task is owed: overdue to its assignee, and the escalation once it is due. */
function stages(t: OverdueTask, now: Date): NewNotification[] {
  const out: NewNotification[] = [];
  const link = '/tasks';
  if (t.assignee_id) {
    out.push({
      userId: t.assignee_id,
      kind: 'task-overdue',
      title: `Overdue since ${day(t.due_at)}: ${t.task_title}`,
      body: 'This recurring activity was due and is not done yet.',
      link,
      dedupeKey: `activity-overdue:${t.task_id}`,
    });
  }
  const escalateAt = t.escalation_days === null ? null : t.due_at.getTime() + t.escalation_days * DAY_MS;
  if (escalateAt !== null && escalateAt <= now.getTime() && t.escalation_user_id) {
    const title = `Escalated: ${t.task_title} is ${t.escalation_days} days overdue`;
    const body = `Due ${day(t.due_at)} and still open.`;
    for (const userId of new Set([t.assignee_id, t.escalation_user_id])) {
      if (userId)
        out.push({
          userId,
          kind: 'task-escalated',
          title,
          body,
          link,
          dedupeKey: `activity-escalated:${t.task_id}`,
        });
    }
  }
  return out;
}

/** Sends each stage once per task (the notifications' dedupe keys); returns how many notifications were new. */
export async function escalateOverdueTasks(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const overdue = await overdueActivityTasks(db, now);
  let sent = 0;
  for (const organizationId of new Set(overdue.map((t) => t.organization_id))) {
    const due = overdue.filter((t) => t.organization_id === organizationId).flatMap((t) => stages(t, now));
    sent += await inTransaction({ db, organizationId, actor: systemActor }, async (tx) => {
      const fresh = await notifyAndMail(tx, due, publicUrl, { urgent: true });
      for (const kind of new Set(fresh.map((n) => n.kind))) {
        const count = fresh.filter((n) => n.kind === kind).length;
        await recordAuditEvent(tx, 'notifications.sent', { type: 'notification', id: null }, { kind, count });
      }
      return fresh.length;
    });
  }
  return sent;
}
