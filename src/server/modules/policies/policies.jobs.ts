import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { type Reminder, sendRemindersPerOrganization } from '../tasks/index.js';
import { addDays, isoDay, startOfDay } from './policy-dates.js';
import { acknowledgementRequest } from './policy-notifications.js';

export const REVIEW_WINDOW_DAYS = 30;
/** Pending people are reminded daily from this many days before the due date. */
export const ACKNOWLEDGEMENT_WINDOW_DAYS = 3;

/** Owners of documents whose review falls due within the window; one reminder per published version. */
async function reviewReminders(db: Kysely<Database>, now: Date): Promise<Reminder[]> {
  const rows = await db
    .selectFrom('policy_documents as d')
    .innerJoin('policy_versions as v', (j) =>
      j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'published'),
    )
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'd.owner_id').on('u.status', '=', 'active'))
    .select([
      'd.organization_id',
      'd.id',
      'd.title',
      'd.owner_id',
      'd.next_review_at',
      'v.id as version_id',
      'v.number',
    ])
    .where('d.next_review_at', '<=', addDays(startOfDay(now), REVIEW_WINDOW_DAYS))
    .execute();
  return rows.flatMap((r) => {
    if (!r.next_review_at) return [];
    const overdue = r.next_review_at < startOfDay(now);
    return [
      {
        organizationId: r.organization_id,
        userId: r.owner_id,
        kind: 'policy-review-due',
        title: `Review of “${r.title}” ${overdue ? 'was due' : 'is due'} on ${isoDay(r.next_review_at)}`,
        body: `Version ${r.number} is published. Review it and publish a new version, even if nothing changed.`,
        link: `/policies/${r.id}`,
        dedupeKey: `policy-review:${r.version_id}`,
      },
    ];
  });
}

/** People who have not accepted a current campaign due within the window (or overdue); daily. */
async function acknowledgementReminders(db: Kysely<Database>, now: Date): Promise<Reminder[]> {
  const rows = await sql<{
    organization_id: string;
    campaign_id: string;
    document_id: string;
    title: string;
    number: number;
    due_at: Date;
    user_id: string;
  }>`
    SELECT c.organization_id, c.id AS campaign_id, c.document_id, d.title, v.number, c.due_at, t.user_id
    FROM policy_campaigns c
    JOIN policy_versions v ON v.id = c.version_id AND v.status = 'published'
    JOIN policy_documents d ON d.id = c.document_id
    JOIN policy_campaign_targets t ON t.campaign_id = c.id
    JOIN users u ON u.id = t.user_id AND u.status = 'active'
    WHERE c.due_at <= ${addDays(startOfDay(now), ACKNOWLEDGEMENT_WINDOW_DAYS)}
      AND NOT EXISTS (SELECT 1 FROM policy_acknowledgements a
                      WHERE a.version_id = c.version_id AND a.user_id = t.user_id)`.execute(db);
  return rows.rows.map((r) => ({
    organizationId: r.organization_id,
    ...acknowledgementRequest(
      {
        id: r.campaign_id,
        documentId: r.document_id,
        title: r.title,
        number: Number(r.number),
        dueOn: isoDay(r.due_at),
      },
      r.user_id,
      `policy-ack:${r.campaign_id}:${isoDay(now)}`,
    ),
    kind: 'policy-acknowledgement-reminder',
  }));
}

/** Sends every due policy reminder, per organisation and kind in one transaction each. */
export async function sendPolicyReminders(db: Kysely<Database>, now = new Date()): Promise<number> {
  return sendRemindersPerOrganization(db, [
    ...(await reviewReminders(db, now)),
    ...(await acknowledgementReminders(db, now)),
  ]);
}

export function policyJobs(db: Kysely<Database>, logger: Logger): JobDefinition[] {
  return [
    {
      name: 'policy-reminders-daily',
      payload: z.object({}),
      cron: '15 6 * * *',
      handle: async () => {
        const sent = await sendPolicyReminders(db);
        if (sent) logger.info({ sent }, 'sent policy reminders');
      },
    },
  ];
}
