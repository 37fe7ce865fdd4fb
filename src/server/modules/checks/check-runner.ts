import type { z } from 'zod';
import type { CheckResult, CheckStatus, checkResultPushSchema } from '../../../contracts/checks.js';
import { type CheckTrigger, toDate } from '../../../contracts/evidence.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { latestCheckResult, recordCheckEvidence } from '../evidence/index.js';
import { closeTasksForSource, failingCheckNotification, notify, openTaskForSource } from '../tasks/index.js';
import { storedConfig } from './check-config.js';
import { type Evaluation, evaluate } from './check-evaluators.js';
import { isDue } from './check-schedule.js';
import { type CheckQueryRow, checkQuery } from './checks.repository.js';
import { checkControls, findCheck } from './checks.service.js';

type ResultPush = z.output<typeof checkResultPushSchema>;
const CLOCK_SKEW_MS = 5 * 60_000;

/** The check turns failing: one open task for its owner and a note in their inbox. */
async function openFailureTask(tx: ServiceContext, check: CheckQueryRow, summary: string): Promise<void> {
  const task = await openTaskForSource(tx, {
    sourceType: 'check',
    sourceId: check.id,
    title: `Check failing: ${check.name}`,
    description: summary,
    assigneeId: check.owner_id,
  });
  if (!check.owner_id) return;
  const sent = await notify(tx, [
    failingCheckNotification({
      id: check.id,
      name: check.name,
      ownerId: check.owner_id,
      taskId: task.id,
      summary,
    }),
  ]);
  if (sent) {
    await recordAuditEvent(
      tx,
      'notifications.sent',
      { type: 'notification', id: null },
      { kind: 'check-failing', count: sent },
    );
  }
}

/**
 * Records a result as evidence of the check's controls. Only a result at least as new as the newest one
 * sets the check's status (and opens or closes its task): a late push from CI does not undo a newer run.
 */
async function recordResult(
  tx: ServiceContext,
  check: CheckQueryRow,
  evaluation: Evaluation,
  trigger: CheckTrigger,
  observedAt: Date,
): Promise<CheckResult> {
  const newest = await latestCheckResult(tx, check.id);
  const current = !newest || observedAt >= new Date(newest.observedAt);
  const result = await recordCheckEvidence(tx, {
    check: { id: check.id, name: check.name, evidenceValidityDays: check.evidence_validity_days },
    outcome: evaluation.outcome,
    trigger,
    summary: evaluation.summary,
    details: evaluation.details,
    observedAt,
    controls: await checkControls(tx, check.id),
  });
  const status: CheckStatus = current
    ? evaluation.outcome === 'pass'
      ? 'passing'
      : 'failing'
    : (check.status as CheckStatus);
  await tx.db
    .updateTable('checks')
    .set({ status, last_run_at: new Date() })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', check.id)
    .execute();
  await recordAuditEvent(
    tx,
    'check.ran',
    { type: 'check', id: check.id },
    {
      name: check.name,
      trigger,
      outcome: evaluation.outcome,
      summary: evaluation.summary,
      evidenceId: result.evidenceId,
      status,
      previousStatus: check.status,
    },
  );
  if (current && evaluation.outcome === 'fail') await openFailureTask(tx, check, evaluation.summary);
  if (current && evaluation.outcome === 'pass') {
    await closeTasksForSource(tx, { type: 'check', id: check.id }, 'done', 'the check passed');
  }
  return result;
}

/** Runs a check now: evaluates it and records the result. */
export async function runCheck(ctx: ServiceContext, id: string, now = new Date()): Promise<CheckResult> {
  return inTransaction(ctx, async (tx) => {
    const check = await findCheck(tx, id, 'update');
    const evaluation = await evaluate(tx, storedConfig(check), {
      checkId: id,
      controlIds: (await checkControls(tx, id)).map((c) => c.id),
      now,
    });
    if (evaluation) return recordResult(tx, check, evaluation, 'manual', now);
    const latest = await latestCheckResult(tx, id);
    if (!latest) throw new AppError('INTERNAL', `Check ${id} has no result to show`);
    return latest;
  });
}

/**
 * Runs a scheduled check when it is still due, skipping it when another instance holds it: the row lock makes
 * two schedulers on one database run each slot once. Returns whether it ran.
 */
export async function runScheduledCheck(ctx: ServiceContext, id: string, now = new Date()): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const check = await checkQuery(tx).where('k.id', '=', id).forUpdate('k').skipLocked().executeTakeFirst();
    if (!check?.schedule || !isDue(check.schedule, check.last_run_at ?? check.created_at, now)) return false;
    const evaluation = await evaluate(tx, storedConfig(check), {
      checkId: id,
      controlIds: (await checkControls(tx, id)).map((c) => c.id),
      now,
    });
    if (evaluation) await recordResult(tx, check, evaluation, 'schedule', now);
    else
      await tx.db
        .updateTable('checks')
        .set({ last_run_at: now })
        .where('id', '=', id)
        .where('organization_id', '=', tx.organizationId)
        .execute();
    return true;
  });
}

/** A result pushed from outside (CI); only ci-push checks take them. */
export async function pushCheckResult(
  ctx: ServiceContext,
  id: string,
  push: ResultPush,
): Promise<CheckResult> {
  const now = new Date();
  const observedAt = push.observedAt ? toDate(push.observedAt) : now;
  if (observedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('VALIDATION_FAILED', 'observedAt is in the future', [
      { path: 'observedAt', message: `${observedAt.toISOString()} is later than now` },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    const check = await findCheck(tx, id, 'update');
    if (check.kind !== 'ci-push') {
      throw conflict(`Results can be pushed to ci-push checks only; ${check.name} is a ${check.kind} check`);
    }
    const evaluation = { outcome: push.outcome, summary: push.summary, details: push.details ?? null };
    return recordResult(tx, check, evaluation, 'push', observedAt);
  });
}
