import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import { type NewNotification, notifyAndMail } from '../tasks/index.js';
import { formatInZone } from './incident-clock.js';
import { reportCatalogue } from './incident-obligations.js';
import { getIncidentSettings } from './incident-settings.service.js';

/** Reminders start this long before a report's deadline. */
export const REMIND_BEFORE_HOURS = 6;

/**
 * Reminds every incident handler (admins and compliance managers) of draft reports due within the window, and
 * escalates once a deadline has passed: inbox and mail (urgent, so everyone who did not turn mail off gets it),
 * once per report, deadline and stage.
 */
export async function sendReportReminders(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const horizon = new Date(now.getTime() + REMIND_BEFORE_HOURS * 3_600_000);
  const due = await db
    .selectFrom('incident_reports as r')
    .innerJoin('incidents as i', 'i.id', 'r.incident_id')
    .select([
      'r.id',
      'r.organization_id',
      'r.type',
      'r.due_at',
      'r.authority',
      'i.id as incident_id',
      'i.ref',
    ])
    .where('r.status', '=', 'draft')
    .where('r.due_at', '<=', horizon)
    .orderBy('r.organization_id')
    .execute();
  let sent = 0;
  for (const organizationId of new Set(due.map((r) => r.organization_id))) {
    sent += await inTransaction({ db, organizationId, actor: systemActor }, async (tx) => {
      const { timeZone } = await getIncidentSettings(tx);
      const handlers = await tx.db
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'active')
        .where('role', 'in', ['admin', 'compliance-manager'])
        .execute();
      const notifications: NewNotification[] = [];
      for (const r of due.filter((x) => x.organization_id === organizationId)) {
        if (!r.due_at) continue;
        const overdue = r.due_at < now;
        const label = reportCatalogue[r.type].label;
        for (const h of handlers)
          notifications.push({
            userId: h.id,
            kind: overdue ? 'incident-report-overdue' : 'incident-report-due',
            title: `${label} for ${r.ref} ${overdue ? 'is overdue' : 'is due soon'}`,
            body: `Due ${formatInZone(r.due_at, timeZone)} to ${r.authority}. ${reportCatalogue[r.type].rule}.`,
            link: `/incidents/${r.incident_id}`,
            dedupeKey: `incident-report:${r.id}:${overdue ? 'overdue' : 'due'}:${r.due_at.toISOString()}`,
          });
      }
      const fresh = await notifyAndMail(tx, notifications, publicUrl, { urgent: true });
      for (const kind of new Set(fresh.map((n) => n.kind)))
        await recordAuditEvent(
          tx,
          'notifications.sent',
          { type: 'notification', id: null },
          { kind, count: fresh.filter((n) => n.kind === kind).length },
        );
      return fresh.length;
    });
  }
  return sent;
}

export function incidentJobs(db: Kysely<Database>, logger: Logger, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'incident-report-reminders',
      payload: z.object({}),
      cron: '*/15 * * * *',
      handle: async () => {
        const sent = await sendReportReminders(db, publicUrl);
        if (sent) logger.info({ sent }, 'sent incident report reminders');
      },
    },
  ];
}
