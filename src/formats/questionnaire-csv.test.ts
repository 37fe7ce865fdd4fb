import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { questionnaireCsv, vsaqQuestions } from '../../test/support/vsaq.js';
import { CSV_SHEET, decodeCsv, extractCsvQuestions, fillCsv, previewCsv } from './questionnaire-csv.js';
import { QuestionnaireFileError } from './questionnaire-file.js';

const questions = vsaqQuestions();
const mapping = { sheet: CSV_SHEET, questionColumn: 'B', answerColumn: 'C', firstRow: 2 };
const refused = (pattern: RegExp) => (err: unknown) =>
  err instanceof QuestionnaireFileError && pattern.test(err.message);

test('delimiter and byte order mark are detected', () => {
  const semicolon = decodeCsv(questionnaireCsv(questions));
  assert.equal(semicolon.delimiter, ';');
  assert.equal(semicolon.bom, true);
  const comma = decodeCsv(Buffer.from('id,question,answer\n1,"Do you, really?",\n'));
  assert.equal(comma.delimiter, ',');
  assert.equal(comma.bom, false);
});

test('the VSAQ questions import from CSV', () => {
  const preview = previewCsv(questionnaireCsv(questions));
  assert.deepEqual(preview[0]?.columns, ['A', 'B', 'C']);
  assert.deepEqual(preview[0]?.rows[0]?.cells, ['ID', 'Question', 'Answer']);
  const result = extractCsvQuestions(questionnaireCsv(questions), mapping);
  assert.equal(result.items.length, questions.length);
  assert.deepEqual(result.items[0], { row: 2, question: questions[0] });
});

test('write-back changes only the answer fields, formula-safe, and keeps every other byte', () => {
  const original = Buffer.from(
    '\ufeffID;Question;Answer;Note\r\nQ1;"Multi\r\nline; quoted";;"keep ""this"""\r\nQ2;Short\r\n\r\nQ3;Last;old;x\r\n',
    'utf8',
  );
  const filled = fillCsv(original, 'C', [
    { row: 2, text: 'Yes; always' },
    { row: 3, text: '=1+1' },
    { row: 5, text: 'New' },
  ]);
  assert.equal(
    filled.toString('utf8'),
    '\ufeffID;Question;Answer;Note\r\nQ1;"Multi\r\nline; quoted";"Yes; always";"keep ""this"""\r\nQ2;Short;\'=1+1\r\n\r\nQ3;Last;New;x\r\n',
  );
  const rows = parse(filled.toString('utf8'), {
    delimiter: ';',
    bom: true,
    relax_column_count: true,
  }) as string[][];
  assert.equal(rows[1]?.[2], 'Yes; always');
  assert.equal(rows[2]?.[2], "'=1+1");
});

test('comma files without a BOM stay that way', () => {
  const original = Buffer.from('q,a\nDo you encrypt data at rest?,\nDo you use MFA?,\n');
  const filled = fillCsv(original, 'B', [{ row: 3, text: 'Yes, hardware keys' }]);
  assert.equal(
    filled.toString('utf8'),
    'q,a\nDo you encrypt data at rest?,\nDo you use MFA?,"Yes, hardware keys"\n',
  );
});

test('bad CSV input is refused with the reason', () => {
  assert.throws(() => previewCsv(Buffer.from([0x71, 0x3b, 0xe5, 0x0a])), refused(/not UTF-8/));
  assert.throws(() => previewCsv(Buffer.from('a;b\u0000;c\n')), refused(/binary/));
  assert.throws(() => previewCsv(Buffer.from('   \n')), refused(/empty/));
  assert.throws(() => previewCsv(Buffer.from('a;"unterminated\n')), refused(/cannot be read/));
  const file = questionnaireCsv(questions.slice(0, 3));
  assert.throws(() => extractCsvQuestions(file, { ...mapping, questionColumn: 'F' }), refused(/outside/));
  assert.throws(() => extractCsvQuestions(file, { ...mapping, sheet: 'Sheet1' }), refused(/one sheet/));
  assert.throws(
    () => extractCsvQuestions(file, { ...mapping, questionColumn: 'C', answerColumn: 'B' }),
    refused(/no questions/),
  );
});
