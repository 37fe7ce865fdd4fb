import { sql } from 'kysely';
import type { BulkApproveInput, BulkApproveResult } from '../../../contracts/questionnaires.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { filterItems, findQuestionnaire, itemQuery } from './questionnaires.repository.js';

/** Statuses whose answer or proposal a bulk approval accepts as it stands. */
const APPROVABLE = ['proposed', 'edited'] as const;

/**
 * Approves the listed items, or every item that matches the filter on any page, in one transaction: each
 * keeps its written answer or takes its proposal, and records who approved it. Items that are unanswered,
 * approved or not applicable are skipped. One audit event names the rows.
 */
export function bulkApprove(
  ctx: ServiceContext,
  questionnaireId: string,
  input: BulkApproveInput,
): Promise<BulkApproveResult> {
  return inTransaction(ctx, async (tx) => {
    const q = await findQuestionnaire(tx, questionnaireId, true);
    if (q.status !== 'answering') throw conflict('Map the questionnaire\u2019s columns first');
    let matching = itemQuery(tx, questionnaireId);
    if ('itemIds' in input) matching = matching.where('i.id', 'in', [...new Set(input.itemIds)]);
    else matching = filterItems(matching, input.filter);
    const candidates = await matching.select(['i.id', 'i.status']).execute();
    if ('itemIds' in input && candidates.length !== new Set(input.itemIds).size)
      throw new AppError('VALIDATION_FAILED', 'An item to approve is not in this questionnaire');
    const ids = candidates
      .filter((c) => (APPROVABLE as readonly string[]).includes(c.status))
      .map((c) => c.id);
    const rows = ids.length
      ? await tx.db
          .updateTable('questionnaire_items')
          .set({
            status: 'approved',
            answer: sql<string>`coalesce(answer, proposed_answer)`,
            approved_by: tx.actor.userId,
            approved_at: new Date(),
            updated_at: new Date(),
          })
          .where('organization_id', '=', tx.organizationId)
          .where('questionnaire_id', '=', questionnaireId)
          .where('id', 'in', ids)
          .where(sql<boolean>`coalesce(answer, proposed_answer) IS NOT NULL`)
          .returning('row_number')
          .execute()
      : [];
    const approvedRows = rows.map((r) => Number(r.row_number)).sort((a, b) => a - b);
    const result = { approved: approvedRows.length, skipped: candidates.length - approvedRows.length };
    if (result.approved > 0)
      await recordAuditEvent(
        tx,
        'questionnaire.bulk-approved',
        { type: 'questionnaire', id: questionnaireId },
        { title: q.title, ...result, rows: approvedRows },
      );
    return result;
  });
}
