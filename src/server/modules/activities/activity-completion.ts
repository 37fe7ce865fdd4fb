import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError, forbidden } from '../../kernel/errors/app-error.js';
import { linkControls } from '../evidence/index.js';

const invalid = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: 'evidenceId', message }]);

async function occurrenceOf(tx: ServiceContext, taskId: string) {
  return tx.db
    .selectFrom('activity_occurrences as o')
    .innerJoin('recurring_activities as a', 'a.id', 'o.activity_id')
    .select(['o.id', 'o.activity_id', 'a.title', 'a.evidence_required'])
    .where('o.organization_id', '=', tx.organizationId)
    .where('o.task_id', '=', taskId)
    .executeTakeFirst();
}

async function linkEvidence(tx: ServiceContext, activityId: string, evidenceId: string): Promise<string[]> {
  const evidence = await tx.db
    .selectFrom('evidence')
    .select(['id', 'title'])
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!evidence) throw invalid(`No evidence ${evidenceId} in this organisation; upload it first`);
  const controls = await tx.db
    .selectFrom('recurring_activity_controls as ac')
    .innerJoin('controls as c', 'c.id', 'ac.control_id')
    .select(['c.id', 'c.ref', 'c.title'])
    .where('ac.organization_id', '=', tx.organizationId)
    .where('ac.activity_id', '=', activityId)
    .orderBy('c.ref')
    .execute();
  if (controls.length === 0) return [];
  const added = await linkControls(tx.db, tx.organizationId, evidenceId, controls);
  const refs = added.map((c) => c.ref);
  if (refs.length > 0) {
    await recordAuditEvent(
      tx,
      'evidence.controls-linked',
      { type: 'evidence', id: evidenceId },
      { title: evidence.title, controls: refs },
    );
  }
  return controls.map((c) => c.ref);
}

/**
 * Completing the task of a recurring activity: evidence is demanded when the activity requires it, and
 * given evidence is linked to the activity's controls, all in the completing transaction.
 */
export async function completeActivityTask(
  tx: ServiceContext,
  task: { id: string; title: string; source_type: string | null },
  evidenceId: string | undefined,
): Promise<void> {
  const occurrence = task.source_type === 'activity' ? await occurrenceOf(tx, task.id) : undefined;
  if (!occurrence) {
    if (evidenceId)
      throw invalid('Only the task of a recurring activity takes evidence when it is completed');
    return;
  }
  if (!evidenceId) {
    if (occurrence.evidence_required) {
      throw invalid(
        `“${occurrence.title}” requires evidence: upload it under Evidence first, then complete the task with its evidenceId`,
      );
    }
    return;
  }
  if (!tx.actor.permissions.has('evidence.submit')) {
    throw forbidden('Linking evidence to controls takes the evidence.submit permission');
  }
  const controls = await linkEvidence(tx, occurrence.activity_id, evidenceId);
  await tx.db
    .updateTable('activity_occurrences')
    .set({ evidence_id: evidenceId })
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', occurrence.id)
    .execute();
  await recordAuditEvent(
    tx,
    'activity.task-completed',
    { type: 'activity', id: occurrence.activity_id },
    { title: occurrence.title, taskId: task.id, evidenceId, controls },
  );
}
