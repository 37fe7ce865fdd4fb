import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  MappingInput,
  Questionnaire,
  QuestionnaireUploadResult,
  SheetPreviewDto,
} from '../../../contracts/questionnaires.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/index.js';
import { paged } from '../../kernel/http/paging.js';
import { runProposals } from './proposals.service.js';
import { extractQuestions, formatOf, previewFile, readAll, readStored } from './questionnaire-files.js';
import { removeUndecidedItems } from './questionnaire-lifecycle.service.js';
import { presentQuestionnaire } from './questionnaires.presenter.js';
import { findQuestionnaire, questionnaireQuery } from './questionnaires.repository.js';
import type { QuestionnaireUpload } from './questionnaires.upload.js';

export function listQuestionnaires(ctx: ServiceContext, query: PageQuery): Promise<Page<Questionnaire>> {
  return paged(
    questionnaireQuery(ctx),
    (q) => q.orderBy('q.created_at', 'desc').orderBy('q.id'),
    query,
    presentQuestionnaire,
  );
}

export async function getQuestionnaire(ctx: ServiceContext, id: string): Promise<Questionnaire> {
  const row = await questionnaireQuery(ctx).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Questionnaire ${id}`);
  return presentQuestionnaire(row);
}

const titleFrom = (fileName: string) => fileName.replace(/\.(xlsx|csv)$/i, '') || 'Questionnaire';

/**
 * Step one: keeps the customer's original file (content-addressed, SHA-256) and returns a preview of its
 * sheets for choosing the columns. A file that cannot be read is refused and nothing is kept.
 */
export async function uploadQuestionnaire(
  ctx: ServiceContext,
  upload: QuestionnaireUpload,
): Promise<QuestionnaireUploadResult> {
  const format = formatOf(upload.fileName);
  const sheets = await previewFile(format, await readAll(upload.staged.read()));
  const id = await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('questionnaires')
      .values({
        organization_id: tx.organizationId,
        title: upload.title ?? titleFrom(upload.fileName),
        file_name: upload.fileName,
        file_sha256: upload.staged.sha256,
        file_size: upload.staged.size,
        format,
        created_by: tx.actor.userId,
      })
      .returning(['id', 'title'])
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'questionnaire.uploaded',
      { type: 'questionnaire', id: row.id },
      { title: row.title, fileName: upload.fileName, format, sha256: upload.staged.sha256 },
    );
    await upload.staged.commit();
    return row.id;
  });
  return { questionnaire: await getQuestionnaire(ctx, id), sheets };
}

export async function previewQuestionnaire(
  ctx: ServiceContext,
  files: FileStore,
  id: string,
): Promise<SheetPreviewDto[]> {
  const q = await findQuestionnaire(ctx, id);
  return previewFile(q.format === 'csv' ? 'csv' : 'xlsx', await readStored(files, q.file_sha256));
}

/**
 * Step two: one item per non-empty question cell of the mapped column, then proposals for all of them. All or
 * nothing: a bad cell or mapping refuses the whole import. A mapped questionnaire may be mapped anew (its items
 * replaced) as long as nobody has written, approved or set aside an answer.
 */
export function mapQuestionnaire(
  ctx: ServiceContext,
  files: FileStore,
  id: string,
  mapping: MappingInput,
): Promise<Questionnaire> {
  return inTransaction(ctx, async (tx) => {
    const q = await findQuestionnaire(tx, id, true);
    const replacedItems = q.status === 'mapping' ? undefined : await removeUndecidedItems(tx, id);
    const file = await readStored(files, q.file_sha256);
    const { items, skippedRows } = await extractQuestions(q.format === 'csv' ? 'csv' : 'xlsx', file, mapping);
    await tx.db
      .insertInto('questionnaire_items')
      .values(
        items.map((item) => ({
          organization_id: tx.organizationId,
          questionnaire_id: id,
          row_number: item.row,
          question: item.question,
        })),
      )
      .execute();
    await tx.db
      .updateTable('questionnaires')
      .set({
        status: 'answering',
        sheet: mapping.sheet,
        question_column: mapping.questionColumn,
        answer_column: mapping.answerColumn,
        first_row: mapping.firstRow,
        skipped_rows: JSON.stringify(skippedRows),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAuditEvent(
      tx,
      'questionnaire.mapped',
      { type: 'questionnaire', id },
      {
        title: q.title,
        ...mapping,
        items: items.length,
        skippedRows,
        ...(replacedItems === undefined ? {} : { replacedItems }),
      },
    );
    const run = await runProposals(tx, id);
    await recordAuditEvent(
      tx,
      'questionnaire.proposals-run',
      { type: 'questionnaire', id },
      { title: q.title, ...run },
    );
    return getQuestionnaire(tx, id);
  });
}
