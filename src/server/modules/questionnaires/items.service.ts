import type { Page } from '../../../contracts/paging.js';
import type { ItemListQuery, ItemStatus, QuestionnaireItem } from '../../../contracts/questionnaires.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { runProposals } from './proposals.service.js';
import { presentItem } from './questionnaires.presenter.js';
import { filterItems, findItem, findQuestionnaire, itemQuery } from './questionnaires.repository.js';

export async function listItems(
  ctx: ServiceContext,
  questionnaireId: string,
  query: ItemListQuery,
): Promise<Page<QuestionnaireItem>> {
  await findQuestionnaire(ctx, questionnaireId);
  const { page, pageSize, ...filter } = query;
  return paged(
    filterItems(itemQuery(ctx, questionnaireId), filter),
    (x) => x.orderBy('i.row_number'),
    { page, pageSize },
    presentItem,
  );
}

type Change = Partial<{
  status: ItemStatus;
  answer: string | null;
  approved_by: string | null;
  approved_at: Date | null;
}>;

async function updateItem(tx: ServiceContext, itemId: string, change: Change): Promise<void> {
  await tx.db
    .updateTable('questionnaire_items')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', itemId)
    .where('organization_id', '=', tx.organizationId)
    .execute();
}

async function lockedItem(tx: ServiceContext, questionnaireId: string, itemId: string) {
  const q = await findQuestionnaire(tx, questionnaireId, true);
  return { q, item: await findItem(tx, questionnaireId, itemId) };
}

/** A person writes the answer; an approved answer that changes needs approving again. */
export function editItem(
  ctx: ServiceContext,
  questionnaireId: string,
  itemId: string,
  answer: string,
): Promise<QuestionnaireItem> {
  return inTransaction(ctx, async (tx) => {
    const { q, item } = await lockedItem(tx, questionnaireId, itemId);
    const before = item.answer ?? item.proposed_answer;
    if (answer === item.answer && item.status === 'edited') return presentItem(item);
    await updateItem(tx, itemId, { status: 'edited', answer, approved_by: null, approved_at: null });
    await recordAuditEvent(
      tx,
      'questionnaire-item.edited',
      { type: 'questionnaire-item', id: itemId },
      {
        questionnaire: q.title,
        row: Number(item.row_number),
        changes: { answer: { from: before, to: answer }, status: { from: item.status, to: 'edited' } },
      },
    );
    return presentItem(await findItem(tx, questionnaireId, itemId));
  });
}

/** Approves the given text, or the item's current answer or proposal; records who approved it and when. */
export function approveItem(
  ctx: ServiceContext,
  questionnaireId: string,
  itemId: string,
  input: { answer?: string | undefined },
): Promise<QuestionnaireItem> {
  return inTransaction(ctx, async (tx) => {
    const { q, item } = await lockedItem(tx, questionnaireId, itemId);
    if (item.status === 'approved' && input.answer === undefined)
      throw conflict('This answer is already approved');
    const answer = input.answer ?? item.answer ?? item.proposed_answer;
    if (!answer) {
      throw new AppError('VALIDATION_FAILED', 'There is no answer to approve: write one first', [
        { path: 'answer', message: 'Write an answer' },
      ]);
    }
    await updateItem(tx, itemId, {
      status: 'approved',
      answer,
      approved_by: tx.actor.userId,
      approved_at: new Date(),
    });
    const fromProposal = answer === item.proposed_answer;
    const sources = fromProposal
      ? presentItem(item)
          .sources.slice(0, 1)
          .map((s) => `${s.type}:${s.ref ?? s.id}`)
      : [];
    await recordAuditEvent(
      tx,
      'questionnaire-item.approved',
      { type: 'questionnaire-item', id: itemId },
      { questionnaire: q.title, row: Number(item.row_number), answer, sources },
    );
    return presentItem(await findItem(tx, questionnaireId, itemId));
  });
}

export function markNotApplicable(
  ctx: ServiceContext,
  questionnaireId: string,
  itemId: string,
): Promise<QuestionnaireItem> {
  return inTransaction(ctx, async (tx) => {
    const { q, item } = await lockedItem(tx, questionnaireId, itemId);
    if (item.status === 'not-applicable') throw conflict('This question is already marked not applicable');
    await updateItem(tx, itemId, {
      status: 'not-applicable',
      approved_by: tx.actor.userId,
      approved_at: new Date(),
    });
    await recordAuditEvent(
      tx,
      'questionnaire-item.not-applicable',
      { type: 'questionnaire-item', id: itemId },
      { questionnaire: q.title, row: Number(item.row_number), previousStatus: item.status },
    );
    return presentItem(await findItem(tx, questionnaireId, itemId));
  });
}

/** Proposes again for items nobody has edited, approved or set aside, e.g. after the FAQ grew. */
export function rerunProposals(
  ctx: ServiceContext,
  questionnaireId: string,
): Promise<{ considered: number; proposed: number }> {
  return inTransaction(ctx, async (tx) => {
    const q = await findQuestionnaire(tx, questionnaireId, true);
    if (q.status !== 'answering') throw conflict('Map the questionnaire\u2019s columns first');
    const run = await runProposals(tx, questionnaireId);
    await recordAuditEvent(
      tx,
      'questionnaire.proposals-run',
      { type: 'questionnaire', id: questionnaireId },
      { title: q.title, ...run },
    );
    return run;
  });
}
