import type { ServiceContext } from '../../kernel/context.js';
import { conflict } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/index.js';
import { fillFile, readStored } from './questionnaire-files.js';
import { findQuestionnaire } from './questionnaires.repository.js';

/** What a question marked not applicable says in the customer's file. */
export const NOT_APPLICABLE_TEXT = 'Not applicable';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export interface FilledQuestionnaire {
  body: Buffer;
  fileName: string;
  contentType: string;
}

/**
 * The customer's original file with approved answers (and "Not applicable") written into the answer column.
 * Other rows stay as they were; with `includeProposed`, edited and proposed answers are written too.
 */
export async function exportQuestionnaire(
  ctx: ServiceContext,
  files: FileStore,
  id: string,
  includeProposed: boolean,
): Promise<FilledQuestionnaire> {
  const q = await findQuestionnaire(ctx, id);
  if (q.status !== 'answering' || !q.sheet || !q.answer_column) {
    throw conflict('Map the questionnaire\u2019s columns before downloading it');
  }
  const statuses = includeProposed
    ? (['approved', 'not-applicable', 'edited', 'proposed'] as const)
    : (['approved', 'not-applicable'] as const);
  const items = await ctx.db
    .selectFrom('questionnaire_items')
    .select(['row_number', 'status', 'answer', 'proposed_answer'])
    .where('organization_id', '=', ctx.organizationId)
    .where('questionnaire_id', '=', id)
    .where('status', 'in', statuses)
    .orderBy('row_number')
    .execute();
  const answers = items.flatMap((i) => {
    const text = i.status === 'not-applicable' ? NOT_APPLICABLE_TEXT : (i.answer ?? i.proposed_answer);
    return text ? [{ row: Number(i.row_number), text }] : [];
  });
  const format = q.format === 'csv' ? 'csv' : 'xlsx';
  const body = await fillFile(
    format,
    await readStored(files, q.file_sha256),
    { sheet: q.sheet, answerColumn: q.answer_column },
    answers,
  );
  const fileName = q.file_name.replace(/(\.(xlsx|csv))?$/i, (ext) => ` (answered)${ext || `.${format}`}`);
  return { body, fileName, contentType: CONTENT_TYPES[format] };
}
