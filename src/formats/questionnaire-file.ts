/** What the XLSX and CSV questionnaire readers share: limits, previews, column letters and the mapping. */

export const QUESTIONNAIRE_MAX_BYTES = 10 * 1024 * 1024;
export const QUESTIONNAIRE_MAX_ROWS = 5_000;
export const QUESTION_MAX_LENGTH = 4_000;
export const PREVIEW_ROWS = 8;
export const PREVIEW_MAX_COLUMNS = 52;
const PREVIEW_CELL_LENGTH = 200;

export class QuestionnaireFileError extends Error {
  override name = 'QuestionnaireFileError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.slice(0, 10).join('; ')}` : message);
  }
}

export interface SheetPreview {
  name: string;
  rowCount: number;
  /** Column letters of the used range: A, B, … */
  columns: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ColumnMapping {
  /** The sheet's name; CSV files have the one sheet "CSV". */
  sheet: string;
  questionColumn: string;
  answerColumn: string;
  firstRow: number;
}

export interface ExtractedQuestions {
  items: { row: number; question: string }[];
  /** Rows in the range whose question cell is empty. */
  skippedRows: number[];
}

/** A answer to write back into the row it answers. */
export interface RowAnswer {
  row: number;
  text: string;
}

const LETTERS = /^[A-Z]{1,3}$/;

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27; anything that is not one to three capital letters is refused. */
export function columnIndex(letters: string): number {
  if (!LETTERS.test(letters)) {
    throw new QuestionnaireFileError(`"${letters}" is not a column letter (A, B, … AA)`);
  }
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function previewCell(text: string): string {
  return text.length > PREVIEW_CELL_LENGTH ? `${text.slice(0, PREVIEW_CELL_LENGTH - 1)}…` : text;
}

/** Checks the mapping against the sheet's used range before any row is read. */
export function checkMapping(
  mapping: ColumnMapping,
  columnCount: number,
  rowCount: number,
): [number, number] {
  const question = columnIndex(mapping.questionColumn);
  const answer = columnIndex(mapping.answerColumn);
  const last = columnLetter(Math.max(columnCount, 1));
  if (question === answer) throw new QuestionnaireFileError('The question and answer columns must differ');
  if (question > columnCount) {
    throw new QuestionnaireFileError(
      `Column ${mapping.questionColumn} is outside the used columns of "${mapping.sheet}" (A–${last})`,
    );
  }
  if (mapping.firstRow < 1 || mapping.firstRow > rowCount) {
    throw new QuestionnaireFileError(
      `Row ${mapping.firstRow} is outside the rows of "${mapping.sheet}" (1–${rowCount})`,
    );
  }
  if (rowCount - mapping.firstRow + 1 > QUESTIONNAIRE_MAX_ROWS) {
    throw new QuestionnaireFileError(
      `"${mapping.sheet}" has ${rowCount - mapping.firstRow + 1} rows from row ${mapping.firstRow}; at most ${QUESTIONNAIRE_MAX_ROWS} questions are imported at once`,
    );
  }
  return [question, answer];
}

/** Collects question texts, refusing the whole import on any bad cell so nothing is half-imported. */
export function collectQuestions(
  mapping: ColumnMapping,
  rows: Iterable<{ row: number; text: string | null; problem?: string }>,
): ExtractedQuestions {
  const items: ExtractedQuestions['items'] = [];
  const skippedRows: number[] = [];
  const problems: string[] = [];
  for (const { row, text, problem } of rows) {
    const cell = `${mapping.questionColumn}${row}`;
    if (problem) problems.push(`${cell} ${problem}`);
    else if (text === null || text.trim() === '') skippedRows.push(row);
    else if (text.length > QUESTION_MAX_LENGTH)
      problems.push(`${cell} is longer than ${QUESTION_MAX_LENGTH} characters`);
    else items.push({ row, question: text.trim() });
  }
  if (problems.length) throw new QuestionnaireFileError('The question column cannot be imported', problems);
  if (items.length === 0) {
    throw new QuestionnaireFileError(
      `Column ${mapping.questionColumn} of "${mapping.sheet}" has no questions from row ${mapping.firstRow}`,
    );
  }
  return { items, skippedRows };
}
