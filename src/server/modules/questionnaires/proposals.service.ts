import type { ServiceContext } from '../../kernel/context.js';
import { loadKnowledgeBase } from './knowledge-base.repository.js';
import { proposeAnswers } from './retrieval.js';

/** Items that a new proposal may replace: nobody has written, approved or set aside their answer. */
export const REPROPOSABLE = ['unanswered', 'proposed'] as const;

/**
 * Proposes answers for the questionnaire's unanswered and proposed items from the organisation's approved
 * content, inside the caller's transaction. Returns how many items were considered and how many got a proposal.
 */
export async function runProposals(
  tx: ServiceContext,
  questionnaireId: string,
): Promise<{ considered: number; proposed: number }> {
  const items = await tx.db
    .selectFrom('questionnaire_items')
    .select(['id', 'question'])
    .where('organization_id', '=', tx.organizationId)
    .where('questionnaire_id', '=', questionnaireId)
    .where('status', 'in', REPROPOSABLE)
    .orderBy('row_number')
    .execute();
  if (items.length === 0) return { considered: 0, proposed: 0 };
  const questionnaire = await tx.db
    .selectFrom('questionnaires')
    .select('include_internal_sources')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', questionnaireId)
    .executeTakeFirstOrThrow();
  const docs = await loadKnowledgeBase(tx);
  const proposals = await proposeAnswers(
    tx,
    items.map((i) => i.question),
    docs,
    { includeInternal: questionnaire.include_internal_sources },
  );
  let proposed = 0;
  for (const [index, item] of items.entries()) {
    const p = proposals[index];
    if (!p) continue;
    if (p.answer) proposed++;
    await tx.db
      .updateTable('questionnaire_items')
      .set({
        status: p.answer ? 'proposed' : 'unanswered',
        proposed_answer: p.answer,
        confidence: p.tier,
        score: p.score,
        sources: JSON.stringify(p.sources),
        updated_at: new Date(),
      })
      .where('id', '=', item.id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
  }
  return { considered: items.length, proposed };
}
