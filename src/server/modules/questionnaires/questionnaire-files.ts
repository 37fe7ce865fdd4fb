import type { Readable } from 'node:stream';
import type { MappingInput, SheetPreviewDto } from '../../../contracts/questionnaires.js';
import { extractCsvQuestions, fillCsv, previewCsv } from '../../../formats/questionnaire-csv.js';
import {
  type ExtractedQuestions,
  QuestionnaireFileError,
  type RowAnswer,
} from '../../../formats/questionnaire-file.js';
import { AppError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/index.js';

export type QuestionnaireFormat = 'xlsx' | 'csv';

/** The workbook reader (exceljs) loads on first use, not at start-up. */
const xlsx = () => import('../../../formats/questionnaire-xlsx.js');

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export const readStored = async (files: FileStore, sha256: string) => readAll(await files.open(sha256));

/** The format from the name: .csv is CSV; anything else must prove to be an OOXML workbook. */
export const formatOf = (fileName: string): QuestionnaireFormat =>
  fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';

/** Turns a file problem into the 400 the client sees; other errors pass through. */
async function asValidation<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof QuestionnaireFileError) throw new AppError('VALIDATION_FAILED', err.message);
    throw err;
  }
}

export const previewFile = (format: QuestionnaireFormat, file: Buffer): Promise<SheetPreviewDto[]> =>
  asValidation(() => (format === 'csv' ? previewCsv(file) : xlsx().then((x) => x.previewXlsx(file))));

export const extractQuestions = (
  format: QuestionnaireFormat,
  file: Buffer,
  mapping: MappingInput,
): Promise<ExtractedQuestions> =>
  asValidation(() =>
    format === 'csv'
      ? extractCsvQuestions(file, mapping)
      : xlsx().then((x) => x.extractXlsxQuestions(file, mapping)),
  );

export const fillFile = (
  format: QuestionnaireFormat,
  file: Buffer,
  mapping: { sheet: string; answerColumn: string },
  answers: RowAnswer[],
): Promise<Buffer> =>
  asValidation(() =>
    format === 'csv'
      ? fillCsv(file, mapping.answerColumn, answers)
      : xlsx().then((x) => x.fillXlsx(file, mapping, answers)),
  );
