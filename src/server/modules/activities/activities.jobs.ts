import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { notifyAndMail, openTaskForSource } from '../tasks/index.js';
import { scheduleOf } from './activities.presenter.js';
import { type ActivityQueryRow, activityQuery } from './activities.repository.js';
import { escalateOverdueTasks } from './activity-escalation.js';
import { occurrencesAfter } from './schedule.js';

const DAY_MS = 86_400_000;
/** A schedule that fell far behind (e.g. the worker was off) opens at most this many tasks per run. */
const MAX_PER_RUN = 5;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Occurrences whose lead time has begun, after the newest one already opened (or the activity's creation). */
async function dueOccurrences(ctx: ServiceContext, a: ActivityQueryRow, now: Date): Promise<Date[]> {
  const latest = await ctx.db
    .selectFrom('activity_occurrences')
    .select((eb) => eb.fn.max('occurs_at').as('last'))
    .where('organization_id', '=', ctx.organizationId)
    .where('activity_id', '=', a.id)
    .executeTakeFirst();
  const last = latest?.last ? new Date(latest.last) : null;
  const from = last ?? new Date(Math.max(a.created_at.getTime(), a.starts_at.getTime()) - 1);
  return occurrencesAfter(scheduleOf(a), from, MAX_PER_RUN, new Date(now.getTime() + a.lead_days * DAY_MS));
}

/**
 * Opens the task of one occurrence unless it exists: the unique (activity_id, occurs_at) key means a second
 * instance running the same slot waits for the first and then inserts nothing.
 */
async function openOccurrence(tx: ServiceContext, a: ActivityQueryRow, occursAt: Date, publicUrl: string) {
  const occurrence = await tx.db
    .insertInto('activity_occurrences')
    .values({ organization_id: tx.organizationId, activity_id: a.id, occurs_at: occursAt })
    .onConflict((oc) => oc.columns(['activity_id', 'occurs_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!occurrence) return false;
  const title = `${a.title} (${day(occursAt)})`;
  const task = await openTaskForSource(tx, {
    sourceType: 'activity',
    sourceId: occurrence.id,
    title,
    description: a.evidence_required
      ? `${a.description}\n\nEvidence is required to complete this task.`.trim()
      : a.description,
    assigneeId: a.assignee_id,
    dueAt: occursAt,
  });
  await tx.db
    .updateTable('activity_occurrences')
    .set({ task_id: task.id })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', occurrence.id)
    .execute();
  const sent = await notifyAndMail(
    tx,
    [
      {
        userId: a.assignee_id,
        kind: 'activity-due',
        title: `Due ${day(occursAt)}: ${a.title}`,
        body: a.evidence_required ? 'Complete the task with its evidence.' : 'Complete the task when done.',
        link: '/tasks',
        dedupeKey: `activity-due:${task.id}`,
      },
    ],
    publicUrl,
  );
  if (sent.length > 0) {
    await recordAuditEvent(
      tx,
      'notifications.sent',
      { type: 'notification', id: null },
      { kind: 'activity-due', count: sent.length },
    );
  }
  return true;
}

/** Opens a task for every occurrence whose lead time has begun; safe to run often and on several instances. */
export async function openActivityTasks(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
  logger?: Logger,
): Promise<number> {
  const orgs = await db
    .selectFrom('recurring_activities')
    .select('organization_id')
    .distinct()
    .where('active', '=', true)
    .execute();
  let opened = 0;
  for (const { organization_id: organizationId } of orgs) {
    const ctx: ServiceContext = { db, organizationId, actor: systemActor };
    const activities = await activityQuery(ctx).where('a.active', '=', true).execute();
    for (const a of activities) {
      try {
        for (const occursAt of await dueOccurrences(ctx, a, now)) {
          if (await inTransaction(ctx, (tx) => openOccurrence(tx, a, occursAt, publicUrl))) opened++;
        }
      } catch (err) {
        // One broken activity must not keep the others' tasks from opening; the next run retries it.
        if (!logger) throw err;
        logger.error({ err, activityId: a.id }, 'could not open the task of a recurring activity');
      }
    }
  }
  return opened;
}

export function activityJobs(db: Kysely<Database>, logger: Logger, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'activity-tasks',
      payload: z.object({}),
      cron: '*/5 * * * *',
      handle: async () => {
        const opened = await openActivityTasks(db, publicUrl, new Date(), logger);
        const escalated = await escalateOverdueTasks(db, publicUrl);
        if (opened || escalated) logger.info({ opened, escalated }, 'recurring activities');
      },
    },
  ];
}
