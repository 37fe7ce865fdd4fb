import { CsvError, parse } from 'csv-parse/sync';
import { formulaSafe } from './csv.js';
import {
  type ColumnMapping,
  checkMapping,
  collectQuestions,
  columnIndex,
  columnLetter,
  type ExtractedQuestions,
  PREVIEW_MAX_COLUMNS,
  PREVIEW_ROWS,
  previewCell,
  QuestionnaireFileError,
  type RowAnswer,
  type SheetPreview,
} from './questionnaire-file.js';

/** A CSV file has one table; the mapping names it like a sheet. */
export const CSV_SHEET = 'CSV';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BINARY = /(?![\t\n\r])\p{Cc}/u;
const MAX_RECORD_CHARACTERS = 200_000;

export interface CsvText {
  text: string;
  bom: boolean;
  delimiter: ',' | ';';
}

/** UTF-8 with or without a byte order mark; the delimiter (`,` or `;`) is the one the first line uses more. */
export function decodeCsv(file: Buffer): CsvText {
  const bom = file.subarray(0, 3).equals(BOM);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? file.subarray(3) : file);
  } catch {
    throw new QuestionnaireFileError(
      'The CSV file is not UTF-8 text; save it as "CSV UTF-8" and upload it again',
    );
  }
  if (BINARY.test(text))
    throw new QuestionnaireFileError('The file is not a CSV text file (it holds binary data)');
  if (text.trim() === '') throw new QuestionnaireFileError('The CSV file is empty');
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return { text, bom, delimiter: count(';') > count(',') ? ';' : ',' };
}

function parseRecords({ text, delimiter }: CsvText): string[][] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARACTERS,
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError)
      throw new QuestionnaireFileError(`The CSV file cannot be read: ${err.message}`);
    throw err;
  }
}

export function previewCsv(file: Buffer): SheetPreview[] {
  const records = parseRecords(decodeCsv(file));
  const width = Math.min(PREVIEW_MAX_COLUMNS, Math.max(1, ...records.map((r) => r.length)));
  const columns = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const rows = records.slice(0, PREVIEW_ROWS).map((cells, i) => ({
    row: i + 1,
    cells: columns.map((_, c) => previewCell(cells[c] ?? '')),
  }));
  return [{ name: CSV_SHEET, rowCount: records.length, columns, rows }];
}

export function extractCsvQuestions(file: Buffer, mapping: ColumnMapping): ExtractedQuestions {
  if (mapping.sheet !== CSV_SHEET) {
    throw new QuestionnaireFileError(`A CSV file has one sheet, "${CSV_SHEET}", not "${mapping.sheet}"`);
  }
  const records = parseRecords(decodeCsv(file));
  const width = Math.max(0, ...records.map((r) => r.length));
  const [question] = checkMapping(mapping, width, records.length);
  const cells = function* () {
    for (let r = mapping.firstRow; r <= records.length; r++) {
      yield { row: r, text: records[r - 1]?.[question - 1] ?? null };
    }
  };
  return collectQuestions(mapping, cells());
}

interface Span {
  start: number;
  end: number;
}
interface SpannedRecord {
  fields: Span[];
  end: number;
}

/** Where each field of each record starts and ends in the text (RFC 4180), to splice in one column. */
function recordSpans(text: string, delimiter: string): SpannedRecord[] {
  const records: SpannedRecord[] = [];
  let i = 0;
  while (i < text.length) {
    const fields: Span[] = [];
    for (;;) {
      const start = i;
      if (text[i] === '"') {
        i++;
        while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
        i++;
      }
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      fields.push({ start, end: i });
      if (text[i] !== delimiter) break;
      i++;
    }
    records.push({ fields, end: i });
    i += text.startsWith('\r\n', i) ? 2 : 1;
  }
  return records;
}

function encodeField(value: string, delimiter: string): string {
  const safe = formulaSafe(value);
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Writes each answer into the answer column of its record and leaves every other byte of the file as it was:
 * delimiter, quoting, line endings and byte order mark. Answers are formula-safe (a leading = + - @ gets ').
 */
export function fillCsv(file: Buffer, answerColumn: string, answers: readonly RowAnswer[]): Buffer {
  const csv = decodeCsv(file);
  const column = columnIndex(answerColumn);
  const records = recordSpans(csv.text, csv.delimiter);
  if (records.length !== parseRecords(csv).length) {
    throw new QuestionnaireFileError(
      'The CSV file has records this writer cannot locate; nothing was written',
    );
  }
  const edits = answers
    .filter((a) => records[a.row - 1])
    .map((a) => {
      const record = records[a.row - 1] as SpannedRecord;
      const field = record.fields[column - 1];
      const encoded = encodeField(a.text, csv.delimiter);
      return field
        ? { start: field.start, end: field.end, text: encoded }
        : {
            start: record.end,
            end: record.end,
            text: csv.delimiter.repeat(column - record.fields.length) + encoded,
          };
    })
    .sort((a, b) => b.start - a.start);
  let text = csv.text;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return Buffer.concat([csv.bom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}
