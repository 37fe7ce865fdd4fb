import { z } from 'zod';
import {
  type ConfidenceTier,
  type Questionnaire,
  type QuestionnaireItem,
  storedSourcesSchema,
} from '../../../contracts/questionnaires.js';
import type { ItemRow, QuestionnaireRow } from './questionnaires.repository.js';

/** jsonb comes back parsed from pg and PGlite alike; a string is parsed in case a driver leaves it as text. */
const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const rowsSchema = z.array(z.number().int());

export const presentQuestionnaire = (r: QuestionnaireRow): Questionnaire => ({
  id: r.id,
  title: r.title,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileSize: Number(r.file_size),
  format: r.format === 'csv' ? 'csv' : 'xlsx',
  status: r.status === 'answering' ? 'answering' : 'mapping',
  sheet: r.sheet,
  questionColumn: r.question_column,
  answerColumn: r.answer_column,
  firstRow: r.first_row === null ? null : Number(r.first_row),
  skippedRows: rowsSchema.parse(json(r.skipped_rows)),
  includeInternalSources: r.include_internal_sources,
  progress: {
    total: Number(r.total),
    unanswered: Number(r.unanswered),
    proposed: Number(r.proposed),
    edited: Number(r.edited),
    approved: Number(r.approved),
    notApplicable: Number(r.not_applicable),
  },
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const presentItem = (r: ItemRow): QuestionnaireItem => ({
  id: r.id,
  row: Number(r.row_number),
  question: r.question,
  status: r.status,
  answer: r.answer,
  proposedAnswer: r.proposed_answer,
  confidence: r.confidence as ConfidenceTier | null,
  score: r.score === null ? null : Number(r.score),
  sources: storedSourcesSchema.parse(json(r.sources)),
  approvedByName: r.approved_by_name,
  approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
  updatedAt: r.updated_at.toISOString(),
});
