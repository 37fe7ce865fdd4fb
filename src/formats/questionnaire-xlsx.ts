import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs-module.js';
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
import { XLSX_MAX_CELL_LENGTH } from './soa-xlsx.js';
import { ZipDirectoryError, zipEntries } from './zip-directory.js';
import { assertZipWithinLimits, ZipLimitError } from './zip-limits.js';

/** Decompressed size we accept: a questionnaire of 10 MiB does not expand beyond this unless it is a bomb. */
const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A workbook has a few dozen parts; thousands mean a crafted archive. */
const MAX_ENTRIES = 2_000;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function refuseNonOoxml(file: Buffer): void {
  if (file.subarray(0, 8).equals(CFB_MAGIC)) {
    throw new QuestionnaireFileError(
      file.includes(ENCRYPTION_INFO)
        ? 'The workbook is password-protected (encrypted); remove the password in Excel and upload it again'
        : 'This is an old binary Excel file (.xls); save it as an Excel workbook (.xlsx) and upload that',
    );
  }
  if (!file.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new QuestionnaireFileError('The file is not an Excel workbook (.xlsx, Office Open XML)');
  }
}

/** Refuses files that are not plain OOXML workbooks before exceljs parses anything. */
export function checkXlsxContainer(file: Buffer): void {
  refuseNonOoxml(file);
  let entries: { name: string; uncompressedSize: number }[];
  try {
    entries = zipEntries(file);
  } catch (err) {
    if (err instanceof ZipDirectoryError)
      throw new QuestionnaireFileError(`The workbook is damaged: ${err.message}`);
    throw err;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new QuestionnaireFileError('The file is a ZIP archive but not an Excel workbook (.xlsx)');
  }
  if (entries.some((e) => /vbaProject\.bin$/i.test(e.name))) {
    throw new QuestionnaireFileError(
      'The workbook contains macros (VBA); save it as a macro-free workbook (.xlsx) and upload that',
    );
  }
  const expanded = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (expanded > MAX_UNCOMPRESSED_BYTES) {
    throw new QuestionnaireFileError(
      `The workbook expands to more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MiB when unpacked`,
    );
  }
}

/** Loads a workbook that passed `checkXlsxContainer`; formulas are read as data and never evaluated. */
export async function loadXlsx(file: Buffer): Promise<ExcelJS.Workbook> {
  checkXlsxContainer(file);
  try {
    await assertZipWithinLimits(file, {
      maxEntries: MAX_ENTRIES,
      maxTotalUncompressed: MAX_UNCOMPRESSED_BYTES,
    });
  } catch (err) {
    if (err instanceof ZipLimitError)
      throw new QuestionnaireFileError(`The workbook is refused: ${err.message}`);
    throw err;
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(file).buffer);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new QuestionnaireFileError(`The workbook cannot be read (${reason.slice(0, 200)})`);
  }
  return workbook;
}

type CellRead = { text: string | null; problem?: string };
type ValueTypes = typeof ExcelJS.ValueType;

/** A cell as text; a formula is reported, never its formula text or cached result taken as content. */
function readCell(cell: ExcelJS.Cell, ValueType: ValueTypes): CellRead {
  const value = cell.value;
  if (cell.type === ValueType.Formula) return { text: null, problem: 'holds a formula' };
  if (cell.type === ValueType.Merge) return { text: null };
  if (value === null || value === undefined) return { text: null };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object' && 'richText' in value)
    return { text: value.richText.map((r) => r.text).join('') };
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string')
    return { text: value.text };
  if (typeof value === 'object' && 'error' in value)
    return { text: null, problem: `holds the error ${value.error}` };
  return { text: null, problem: 'has a value that is not text' };
}

function previewText(cell: ExcelJS.Cell, ValueType: ValueTypes): string {
  if (cell.type === ValueType.Formula) return '[formula]';
  return previewCell(readCell(cell, ValueType).text ?? '');
}

function previewSheet(sheet: ExcelJS.Worksheet, ValueType: ValueTypes): SheetPreview {
  const columnCount = Math.min(sheet.columnCount, PREVIEW_MAX_COLUMNS);
  const columns = Array.from({ length: columnCount }, (_, i) => columnLetter(i + 1));
  const rows: SheetPreview['rows'] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, PREVIEW_ROWS); r++) {
    const row = sheet.getRow(r);
    rows.push({ row: r, cells: columns.map((_, i) => previewText(row.getCell(i + 1), ValueType)) });
  }
  return { name: sheet.name, rowCount: sheet.rowCount, columns, rows };
}

/** The sheets of a workbook with their used columns and first rows, for choosing the mapping. */
export async function previewXlsx(file: Buffer): Promise<SheetPreview[]> {
  const workbook = await loadXlsx(file);
  const { ValueType } = await loadExcelJs();
  const sheets = workbook.worksheets.map((sheet) => previewSheet(sheet, ValueType));
  if (sheets.length === 0) throw new QuestionnaireFileError('The workbook has no sheets');
  return sheets;
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => `"${s.name}"`).join(', ');
    throw new QuestionnaireFileError(`The workbook has no sheet "${name}" (it has ${names})`);
  }
  return sheet;
}

/** The questions of the mapped column, one per non-empty row from the first question row on. */
export async function extractXlsxQuestions(
  file: Buffer,
  mapping: ColumnMapping,
): Promise<ExtractedQuestions> {
  const sheet = sheetNamed(await loadXlsx(file), mapping.sheet);
  const { ValueType } = await loadExcelJs();
  const [questionColumn] = checkMapping(mapping, sheet.columnCount, sheet.rowCount);
  const cells = function* () {
    for (let r = mapping.firstRow; r <= sheet.rowCount; r++) {
      yield { row: r, ...readCell(sheet.getRow(r).getCell(questionColumn), ValueType) };
    }
  };
  return collectQuestions(mapping, cells());
}

function clip(text: string): string {
  return text.length > XLSX_MAX_CELL_LENGTH ? text.slice(0, XLSX_MAX_CELL_LENGTH) : text;
}

/**
 * Re-opens the customer's workbook and writes each answer into the answer column of its row. Answers are set
 * as plain strings (shared strings in the file), never as formulas, so `=cmd|…` stays text; every other
 * cell, style, width, merge and sheet is carried over by exceljs as it was read.
 */
export async function fillXlsx(
  file: Buffer,
  mapping: Pick<ColumnMapping, 'sheet' | 'answerColumn'>,
  answers: readonly RowAnswer[],
): Promise<Buffer> {
  const workbook = await loadXlsx(file);
  const sheet = sheetNamed(workbook, mapping.sheet);
  const column = columnIndex(mapping.answerColumn);
  for (const { row, text } of answers) sheet.getRow(row).getCell(column).value = clip(text);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
