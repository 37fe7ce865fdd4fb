import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext, systemActor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import type { JobDefinition } from '../../kernel/jobs/job-runner.js';
import type { Logger } from '../../kernel/logging/logger.js';
import {
  closeTasksForSource,
  type NewNotification,
  notifyAndMail,
  openTaskForSource,
} from '../tasks/index.js';
import { todayUtc } from './findings.repository.js';

/** Days after the oldest fix-by date of an asset's overdue findings before compliance managers are told. */
export const ESCALATION_GRACE_DAYS = 7;
/** The source type of the one open task per asset with overdue findings. */
export const OVERDUE_TASK_SOURCE = 'vulnerability-asset';

const DAY_MS = 86_400_000;

interface OverdueAsset {
  assetId: string;
  assetName: string;
  ownerId: string | null;
  findings: number;
  critical: number;
  high: number;
  oldestFixBy: string;
}

/** Assets with findings open or in progress past their fix-by date, with counts (never the findings' text). */
async function overdueAssets(ctx: ServiceContext, today: string): Promise<OverdueAsset[]> {
  const rows = await ctx.db
    .selectFrom('vulnerability_findings as f')
    .innerJoin('vulnerability_targets as t', 't.id', 'f.target_id')
    .innerJoin('assets as a', 'a.id', 't.asset_id')
    .select([
      'a.id',
      'a.name',
      'a.owner_id',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`(count(*) FILTER (WHERE f.severity = 'critical'))::int`.as('critical'),
      sql<number>`(count(*) FILTER (WHERE f.severity = 'high'))::int`.as('high'),
      sql<string>`to_char(min(f.fix_by), 'YYYY-MM-DD')`.as('oldest'),
    ])
    .where('f.organization_id', '=', ctx.organizationId)
    .where('f.state', 'in', ['open', 'in_progress'])
    .where('f.fix_by', '<', sql<Date>`${today}::date`)
    .groupBy(['a.id', 'a.name', 'a.owner_id'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    assetId: r.id,
    assetName: r.name,
    ownerId: r.owner_id,
    findings: Number(r.n),
    critical: Number(r.critical),
    high: Number(r.high),
    oldestFixBy: r.oldest,
  }));
}

function reminders(
  a: OverdueAsset,
  taskId: string,
  managers: string[],
  escalate: boolean,
): NewNotification[] {
  const link = `/vulnerabilities?assetId=${a.assetId}&overdue=true`;
  const body = `${a.findings} finding(s), ${a.critical} critical and ${a.high} high, are past their fix-by date (the oldest ${a.oldestFixBy}).`;
  const out: NewNotification[] = [];
  if (a.ownerId) {
    out.push({
      userId: a.ownerId,
      kind: 'vulnerability-overdue',
      title: `Overdue vulnerabilities on ${a.assetName}`,
      body,
      link,
      dedupeKey: `vulnerability-overdue:${taskId}`,
    });
  }
  if (escalate) {
    for (const userId of new Set([a.ownerId, ...managers])) {
      if (userId)
        out.push({
          userId,
          kind: 'vulnerability-escalated',
          title: `Escalated: vulnerabilities on ${a.assetName} overdue for more than ${ESCALATION_GRACE_DAYS} days`,
          body,
          link,
          dedupeKey: `vulnerability-escalated:${taskId}`,
        });
    }
  }
  return out;
}

/**
 * One organisation's run: a task per asset with overdue findings (assigned to the asset's owner, who is reminded
 * once per task), an urgent escalation to the owner and the compliance managers once the oldest fix-by date is
 * more than the grace period past, and the task closed as done when nothing on the asset is overdue any more.
 * Idempotent: the open-task key and the notifications' dedupe keys make a second run change nothing.
 */
async function remindOrganization(tx: ServiceContext, publicUrl: string, now: Date): Promise<number> {
  const today = todayUtc(now);
  const overdue = await overdueAssets(tx, today);
  const managers = await tx.db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('status', '=', 'active')
    .where('role', 'in', ['admin', 'compliance-manager'])
    .orderBy('id')
    .execute();
  const notifications: NewNotification[] = [];
  for (const a of overdue) {
    const task = await openTaskForSource(tx, {
      sourceType: OVERDUE_TASK_SOURCE,
      sourceId: a.assetId,
      title: `Fix the overdue vulnerabilities on ${a.assetName}`,
      description: `Findings on this asset are past their fix-by date. Fix them, or triage them (accepted risk, false positive, not affected) in Vulnerabilities.`,
      assigneeId: a.ownerId,
      dueAt: null,
    });
    const escalate = Date.parse(a.oldestFixBy) + ESCALATION_GRACE_DAYS * DAY_MS < Date.parse(today);
    notifications.push(
      ...reminders(
        a,
        task.id,
        managers.map((m) => m.id),
        escalate,
      ),
    );
  }
  const stillOpen = await tx.db
    .selectFrom('tasks')
    .select('source_id')
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', OVERDUE_TASK_SOURCE)
    .where('status', '=', 'open')
    .execute();
  for (const { source_id: assetId } of stillOpen) {
    if (assetId && !overdue.some((a) => a.assetId === assetId)) {
      await closeTasksForSource(
        tx,
        { type: OVERDUE_TASK_SOURCE, id: assetId },
        'done',
        'No finding on the asset is past its fix-by date any more',
      );
    }
  }
  const fresh = await notifyAndMail(tx, notifications, publicUrl, { urgent: true });
  for (const kind of new Set(fresh.map((n) => n.kind))) {
    const count = fresh.filter((n) => n.kind === kind).length;
    await recordAuditEvent(tx, 'notifications.sent', { type: 'notification', id: null }, { kind, count });
  }
  return fresh.length;
}

/** Runs the reminders for every organisation with findings; returns how many notifications were new. */
export async function remindOverdueVulnerabilities(
  db: Kysely<Database>,
  publicUrl: string,
  now = new Date(),
  logger?: Logger,
): Promise<number> {
  const orgs = await db.selectFrom('vulnerability_targets').select('organization_id').distinct().execute();
  let sent = 0;
  for (const { organization_id: organizationId } of orgs) {
    try {
      sent += await inTransaction({ db, organizationId, actor: systemActor }, (tx) =>
        remindOrganization(tx, publicUrl, now),
      );
    } catch (err) {
      // One organisation's failure must not keep the others' reminders back; the next run retries it.
      if (!logger) throw err;
      logger.error({ err, organizationId }, 'could not send the vulnerability reminders');
    }
  }
  return sent;
}

export function vulnerabilityJobs(db: Kysely<Database>, logger: Logger, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'vulnerability-reminders',
      payload: z.object({}),
      cron: '17 * * * *',
      handle: async () => {
        const sent = await remindOverdueVulnerabilities(db, publicUrl, new Date(), logger);
        if (sent) logger.info({ sent }, 'vulnerability reminders');
      },
    },
  ];
}
