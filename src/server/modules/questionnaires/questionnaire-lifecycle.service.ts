import type { Questionnaire, QuestionnairePatch } from '../../../contracts/questionnaires.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { conflict } from '../../kernel/errors/app-error.js';
import { presentQuestionnaire } from './questionnaires.presenter.js';
import { findQuestionnaire, questionnaireQuery } from './questionnaires.repository.js';

/** Statuses that record a person's decision; a questionnaire holding any of them keeps its mapping. */
const DECIDED = ['edited', 'approved', 'not-applicable'] as const;

/**
 * Before a re-map, inside the caller's transaction (the questionnaire row locked): removes the items of the
 * earlier mapping, or refuses when a person has already written, approved or set aside an answer.
 */
export async function removeUndecidedItems(tx: ServiceContext, questionnaireId: string): Promise<number> {
  const decided = await tx.db
    .selectFrom('questionnaire_items')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('organization_id', '=', tx.organizationId)
    .where('questionnaire_id', '=', questionnaireId)
    .where('status', 'in', DECIDED)
    .executeTakeFirstOrThrow();
  if (Number(decided.n) > 0)
    throw conflict(
      `${decided.n} answers are already written, approved or set aside; the columns can no longer be changed (upload the file again to start over)`,
    );
  const removed = await tx.db
    .deleteFrom('questionnaire_items')
    .where('organization_id', '=', tx.organizationId)
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  return Number(removed.numDeletedRows);
}

/** Renames a questionnaire and/or lets its proposals quote internal sources; each change is audited. */
export function updateQuestionnaire(
  ctx: ServiceContext,
  id: string,
  patch: QuestionnairePatch,
): Promise<Questionnaire> {
  return inTransaction(ctx, async (tx) => {
    const q = await findQuestionnaire(tx, id, true);
    const { title, includeInternalSources } = patch;
    const renamed = title !== undefined && title !== q.title;
    const sourcesChanged =
      includeInternalSources !== undefined && includeInternalSources !== q.include_internal_sources;
    if (!renamed && !sourcesChanged)
      throw conflict(
        title !== undefined
          ? `The questionnaire is already called "${title}"`
          : `Internal sources are already ${includeInternalSources ? 'included' : 'left out'}`,
      );
    await tx.db
      .updateTable('questionnaires')
      .set({
        title: renamed ? title : q.title,
        include_internal_sources: sourcesChanged ? includeInternalSources : q.include_internal_sources,
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    if (renamed)
      await recordAuditEvent(
        tx,
        'questionnaire.renamed',
        { type: 'questionnaire', id },
        { from: q.title, to: title },
      );
    if (sourcesChanged)
      await recordAuditEvent(
        tx,
        'questionnaire.sources-changed',
        { type: 'questionnaire', id },
        { title: renamed ? title : q.title, includeInternalSources },
      );
    const row = await questionnaireQuery(tx).where('q.id', '=', id).executeTakeFirstOrThrow();
    return presentQuestionnaire(row);
  });
}

/**
 * Deletes the questionnaire and its items (answers included). The customer's original file stays in the
 * content-addressed store, which other records may share.
 */
export async function deleteQuestionnaire(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await findQuestionnaire(tx, id, true);
    const row = await questionnaireQuery(tx).where('q.id', '=', id).executeTakeFirstOrThrow();
    await tx.db
      .deleteFrom('questionnaires')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'questionnaire.deleted',
      { type: 'questionnaire', id },
      {
        title: row.title,
        fileName: row.file_name,
        items: Number(row.total),
        approved: Number(row.approved) + Number(row.not_applicable),
      },
    );
  });
}
