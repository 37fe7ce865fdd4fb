import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { questionnaireWorkbook, vsaqQuestions } from '../../test/support/vsaq.js';
import { QUESTIONNAIRE_MAX_ROWS, QuestionnaireFileError } from './questionnaire-file.js';
import { extractXlsxQuestions, fillXlsx, previewXlsx } from './questionnaire-xlsx.js';

const questions = vsaqQuestions();
const mapping = { sheet: 'Questions', questionColumn: 'B', answerColumn: 'C', firstRow: 3 };

async function reopen(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  return workbook;
}

const refused = (pattern: RegExp) => (err: unknown) =>
  err instanceof QuestionnaireFileError && pattern.test(err.message);

test('the VSAQ questions read from the shared fixture', () => {
  assert.ok(questions.length >= 40, `${questions.length} questions`);
  assert.ok(questions.every((q) => q.length > 10 && !q.includes('<')));
});

test('a preview lists every sheet with its column letters and first rows', async () => {
  const sheets = await previewXlsx(await questionnaireWorkbook(questions));
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['Questions', 'Instructions'],
  );
  const first = sheets[0];
  assert.deepEqual(first?.columns, ['A', 'B', 'C', 'D']);
  assert.equal(first?.rowCount, questions.length + 2);
  assert.deepEqual(first?.rows[1]?.cells, ['ID', 'Question', 'Answer', 'Comment']);
  assert.equal(first?.rows[2]?.cells[1], questions[0]);
});

test('the mapped column becomes one item per row; empty rows are skipped and reported', async () => {
  const withGap = [...questions.slice(0, 3), '', ...questions.slice(3, 6)];
  const result = await extractXlsxQuestions(await questionnaireWorkbook(withGap), mapping);
  assert.equal(result.items.length, 6);
  assert.deepEqual(result.skippedRows, [6]);
  assert.deepEqual(result.items[0], { row: 3, question: questions[0] });
  assert.equal(result.items[3]?.row, 7);
});

test('write-back fills approved rows only and keeps styles, widths, merges and other sheets', async () => {
  const original = await questionnaireWorkbook(questions.slice(0, 5));
  const hostile = '=HYPERLINK("http://evil.example","click")';
  const filled = await fillXlsx(original, mapping, [
    { row: 3, text: 'Yes, every year.' },
    { row: 5, text: hostile },
  ]);
  const workbook = await reopen(filled);
  const sheet = workbook.getWorksheet('Questions');
  assert.ok(sheet);
  assert.equal(sheet.getCell('C3').value, 'Yes, every year.');
  assert.equal(sheet.getCell('C4').value, null, 'a row without an approved answer stays empty');
  assert.equal(sheet.getCell('C5').value, hostile);
  assert.equal(sheet.getCell('C5').type, ExcelJS.ValueType.String, 'an answer never becomes a formula');
  assert.equal(sheet.getCell('B3').value, questions[0]);
  assert.equal(sheet.getRow(2).font?.bold, true);
  assert.deepEqual(sheet.getCell('B2').fill, {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: 'FFFFE699' },
  });
  assert.equal(sheet.getColumn(2).width, 80);
  assert.equal(sheet.getCell('B1').isMerged, true);
  assert.equal(
    workbook.getWorksheet('Instructions')?.getCell('A1').value,
    'Answer every question in column C.',
  );
});

test('files that are not plain workbooks are refused with the reason', async () => {
  const good = await questionnaireWorkbook(questions.slice(0, 3));
  await assert.rejects(
    previewXlsx(good.subarray(0, Math.floor(good.length / 2))),
    refused(/damaged|truncated/),
  );
  await assert.rejects(
    previewXlsx(Buffer.from('%PDF-1.7\nnot a workbook')),
    refused(/not an Excel workbook/),
  );
  const cfb = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(512),
  ]);
  await assert.rejects(previewXlsx(cfb), refused(/old binary Excel file/));
  const encrypted = Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le')]);
  await assert.rejects(previewXlsx(encrypted), refused(/password-protected/));
  // The same workbook with one entry renamed to the macro project in its ZIP headers (equal length).
  const macro = Buffer.from(
    good.toString('latin1').replaceAll('docProps/core.xml', 'xl/vbaProject.bin'),
    'latin1',
  );
  await assert.rejects(previewXlsx(macro), refused(/macros/));
});

test('a formula in the question column refuses the import and names the cell', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Questions');
  sheet.getCell('B3').value = 'Do you encrypt backups?';
  sheet.getCell('B4').value = {
    formula: 'HYPERLINK("http://evil.example","Do you log access?")',
    result: 'x',
  };
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  await assert.rejects(extractXlsxQuestions(file, mapping), refused(/B4 holds a formula/));
  const preview = await previewXlsx(file);
  assert.equal(
    preview[0]?.rows[3]?.cells[1],
    '[formula]',
    'neither the formula nor its cached value is shown',
  );
});

test('a mapping that does not fit the sheet is refused', async () => {
  const file = await questionnaireWorkbook(questions.slice(0, 3));
  await assert.rejects(
    extractXlsxQuestions(file, { ...mapping, questionColumn: 'Q' }),
    refused(/outside the used columns/),
  );
  await assert.rejects(
    extractXlsxQuestions(file, { ...mapping, questionColumn: 'b2' }),
    refused(/not a column letter/),
  );
  await assert.rejects(extractXlsxQuestions(file, { ...mapping, answerColumn: 'B' }), refused(/must differ/));
  await assert.rejects(
    extractXlsxQuestions(file, { ...mapping, sheet: 'Sheet1' }),
    refused(/no sheet "Sheet1"/),
  );
  await assert.rejects(extractXlsxQuestions(file, { ...mapping, firstRow: 99 }), refused(/outside the rows/));
  await assert.rejects(
    extractXlsxQuestions(file, { ...mapping, questionColumn: 'D', answerColumn: 'C' }),
    refused(/has no questions/),
  );
});

test('more rows than the cap are refused', async () => {
  const many = Array.from({ length: QUESTIONNAIRE_MAX_ROWS + 1 }, (_, i) => `Question ${i}`);
  const file = await questionnaireWorkbook(many);
  await assert.rejects(extractXlsxQuestions(file, mapping), refused(/at most 5000 questions/));
});
