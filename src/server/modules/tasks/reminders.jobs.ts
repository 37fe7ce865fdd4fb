import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { type NewNotification, type Reminder, sendRemindersPerOrganization } from './notify.js';

export const REMINDER_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Evidence that expired or expires within the window and is the last to keep its control fresh: no other
 * evidence of that control, already valid, lasts longer. One reminder per evidence item, expiry and owner.
 */
async function evidenceReminders(db: Kysely<Database>, now: Date): Promise<Reminder[]> {
  const horizon = new Date(now.getTime() + REMINDER_WINDOW_DAYS * DAY_MS);
  const rows = await sql<{
    organization_id: string;
    evidence_id: string;
    title: string;
    expires_at: Date;
    control_id: string;
    control_ref: string;
    owner_id: string;
  }>`
    SELECT e.organization_id, e.id AS evidence_id, e.title, e.expires_at,
           c.id AS control_id, c.ref AS control_ref, c.owner_id
    FROM evidence e
    JOIN evidence_controls ec ON ec.evidence_id = e.id AND ec.organization_id = e.organization_id
    JOIN controls c ON c.id = ec.control_id AND c.organization_id = e.organization_id
    JOIN users u ON u.id = c.owner_id AND u.organization_id = c.organization_id AND u.status = 'active'
    WHERE e.expires_at IS NOT NULL AND e.expires_at <= ${horizon}
      AND NOT EXISTS (
        SELECT 1 FROM evidence_controls ec2 JOIN evidence e2 ON e2.id = ec2.evidence_id
        WHERE ec2.control_id = c.id AND ec2.organization_id = c.organization_id AND e2.id <> e.id
          AND e2.valid_from <= ${now} AND (e2.expires_at IS NULL OR e2.expires_at > e.expires_at))
    ORDER BY e.organization_id, e.expires_at`.execute(db);
  return rows.rows.map((r) => {
    const expired = r.expires_at <= now;
    return {
      organizationId: r.organization_id,
      userId: r.owner_id,
      kind: expired ? 'evidence-expired' : 'evidence-expiring',
      title: `Evidence for ${r.control_ref} ${expired ? 'expired' : 'expires'} on ${day(r.expires_at)}`,
      body: `“${r.title}” is the newest evidence of ${r.control_ref}. ${
        expired ? 'The control is stale until' : 'Keep the control fresh:'
      } add newer evidence.`,
      link: `/controls/${r.control_id}`,
      dedupeKey: `evidence-expiry:${r.evidence_id}:${r.expires_at.toISOString()}`,
    };
  });
}

/** The inbox entry for a failing check's owner; one per failing episode (its open task). */
export function failingCheckNotification(check: {
  id: string;
  name: string;
  ownerId: string;
  taskId: string;
  summary: string;
}): NewNotification {
  return {
    userId: check.ownerId,
    kind: 'check-failing',
    title: `Check failing: ${check.name}`,
    body: check.summary,
    link: `/checks/${check.id}`,
    dedupeKey: `check-failing:${check.taskId}`,
  };
}

async function failingCheckReminders(db: Kysely<Database>): Promise<Reminder[]> {
  const rows = await db
    .selectFrom('checks as k')
    .innerJoin('tasks as t', (j) =>
      j
        .onRef('t.source_id', '=', 'k.id')
        .onRef('t.organization_id', '=', 'k.organization_id')
        .on('t.source_type', '=', 'check')
        .on('t.status', '=', 'open'),
    )
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'k.owner_id').on('u.status', '=', 'active'))
    .select(['k.organization_id', 'k.id', 'k.name', 'k.owner_id', 't.id as task_id', 't.description'])
    .where('k.status', '=', 'failing')
    .execute();
  return rows.flatMap((r) =>
    r.owner_id
      ? [
          {
            organizationId: r.organization_id,
            ...failingCheckNotification({
              id: r.id,
              name: r.name,
              ownerId: r.owner_id,
              taskId: r.task_id,
              summary: r.description,
            }),
          },
        ]
      : [],
  );
}

/** Sends every due reminder, per organisation in one transaction with one audit event per kind sent. */
export async function sendReminders(db: Kysely<Database>, now = new Date()): Promise<number> {
  return sendRemindersPerOrganization(db, [
    ...(await evidenceReminders(db, now)),
    ...(await failingCheckReminders(db)),
  ]);
}

export function reminderJobs(db: Kysely<Database>, logger: Logger): JobDefinition[] {
  return [
    {
      name: 'reminders-daily',
      payload: z.object({}),
      cron: '5 6 * * *',
      handle: async () => {
        const sent = await sendReminders(db);
        if (sent) logger.info({ sent }, 'sent reminders');
      },
    },
  ];
}
