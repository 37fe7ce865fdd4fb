import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { CatalogMapping } from '../contracts/catalog.js';
import { MAX_MAPPING_ROWS, MappingCsvError, parseMappingCsv, renderMappingCsv } from './mapping-csv.js';

const HEADER = 'source_framework,source_ref,target_framework,target_ref,relationship,note';

function problemsOf(text: string): readonly string[] {
  try {
    parseMappingCsv(text);
  } catch (error) {
    assert.ok(error instanceof MappingCsvError, String(error));
    return error.problems;
  }
  assert.fail('expected a MappingCsvError');
}

test('reads mappings in file order, with columns in any order and any case, BOM and CRLF tolerated', () => {
  const text =
    '\ufeffRelationship, Target_Ref ,SOURCE_FRAMEWORK,source_ref,target_framework\r\n' +
    'equivalent,AC-1,iso27001-2022,A.5.1,nist-800-53-rev5-low\r\n' +
    'Subset-Of,AC-2,iso27001-2022,A.5.15,nist-800-53-rev5-low\r\n';
  assert.deepEqual(parseMappingCsv(text), [
    {
      sourceFramework: 'iso27001-2022',
      sourceRef: 'A.5.1',
      targetFramework: 'nist-800-53-rev5-low',
      targetRef: 'AC-1',
      relationship: 'equivalent',
      note: '',
    },
    {
      sourceFramework: 'iso27001-2022',
      sourceRef: 'A.5.15',
      targetFramework: 'nist-800-53-rev5-low',
      targetRef: 'AC-2',
      relationship: 'subset-of',
      note: '',
    },
  ]);
});

test('a semicolon-separated file from a Nordic Excel is read too', () => {
  const text = `${HEADER.replaceAll(',', ';')}\n"fr2000";"4.1";iso27001-2022;4.1;equivalent;Samma krav, olika ord\n`;
  const [mapping] = parseMappingCsv(text);
  assert.equal(mapping?.targetRef, '4.1');
  assert.equal(mapping?.note, 'Samma krav, olika ord');
});

test('every row problem is reported at once, with the line it starts on', () => {
  const text = [
    HEADER,
    'iso27001-2022,A.5.1,nist,AC-1,equivalent,"a note\nover two lines"',
    'iso27001-2022,A.5.2,nist,AC-2,same,',
    '',
    'iso27001-2022,,nist,AC-3,related,',
    'iso27001-2022,A.5.4,nist,AC-4',
    `iso27001-2022,${'x'.repeat(101)},nist,AC-5,related,`,
    'iso27001-2022,A.5.1,nist,AC-1,related,again',
    'iso27001-2022,A.5.9,nist,AC-9,intersects,fine',
  ].join('\r\n');
  assert.deepEqual(problemsOf(text), [
    'line 4: relationship "same" is not one of equivalent, subset-of, superset-of, intersects, related',
    'line 6: source_ref is empty',
    'line 7: expected 6 fields, found 4',
    'line 8: source_ref is longer than 100 characters',
    'line 9: iso27001-2022 A.5.1 → nist AC-1 is already mapped on line 2',
  ]);
});

test('the error message lists the problems, and says how many more there are', () => {
  const rows = Array.from({ length: 30 }, (_, i) => `a,A.${i},b,B.${i},same,`);
  try {
    parseMappingCsv([HEADER, ...rows].join('\n'));
    assert.fail('expected an error');
  } catch (error) {
    assert.ok(error instanceof MappingCsvError);
    assert.equal(error.problems.length, 30);
    assert.match(error.message, /^The mapping file cannot be imported:\nline 2: relationship "same"/);
    assert.match(error.message, /line 21: /);
    assert.doesNotMatch(error.message, /line 22: /);
    assert.match(error.message, /… and 10 more$/);
  }
});

test('header problems name the columns', () => {
  assert.deepEqual(
    problemsOf('source_framework,source_ref,target_framework,target_ref,relationship,owner,Tag\n'),
    [
      'line 1: unknown columns "owner", "tag"; the columns are source_framework, source_ref, target_framework, target_ref, relationship, note',
    ],
  );
  assert.deepEqual(problemsOf('source_framework,source_ref,relationship\na,b,equivalent\n'), [
    'line 1: the header lacks the columns target_framework, target_ref',
  ]);
  assert.deepEqual(problemsOf(`${HEADER},note\n`), ['line 1: column note appears more than once']);
  assert.deepEqual(problemsOf('\n\nhello world\n'), [
    'line 3: unknown column "hello world"; the columns are source_framework, source_ref, target_framework, target_ref, relationship, note',
    'line 3: the header lacks the columns source_framework, source_ref, target_framework, target_ref, relationship',
  ]);
});

test('empty, header-only, binary, wrongly encoded and malformed files are refused with a reason', () => {
  assert.deepEqual(problemsOf(''), ['The file is empty']);
  assert.deepEqual(problemsOf('\ufeff \r\n\r\n'), ['The file is empty']);
  assert.deepEqual(problemsOf(`${HEADER}\r\n,,,,,\r\n`), ['The file has a header but no mapping rows']);
  assert.deepEqual(problemsOf('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml'), [
    'The file is not CSV text: it contains binary data',
  ]);
  const windows1252 = Buffer.from(`${HEADER}\na,A.1,b,B.1,related,K\xe4rnan\n`, 'latin1').toString('utf8');
  assert.deepEqual(problemsOf(windows1252), [
    'The file is not UTF-8 text: save it from the spreadsheet as "CSV UTF-8 (comma delimited)"',
  ]);
  const [unclosed] = problemsOf(`${HEADER}\na,A.1,b,B.1,related,"never closed\n`);
  assert.match(unclosed ?? '', /^line \d+: not valid CSV: Quote Not Closed/);
  const [huge] = problemsOf(`${HEADER}\na,A.1,b,B.1,related,"${'x'.repeat(200_000)}"\n`);
  assert.match(huge ?? '', /^line 2: not valid CSV: Max Record Size/);
  const [stray] = problemsOf(`${HEADER}\na,A.1,b,B"1,related,\n`);
  assert.match(stray ?? '', /^line 2: not valid CSV: /);
});

test(`more than ${MAX_MAPPING_ROWS} rows are refused before they are all parsed`, () => {
  const row = 'iso27001-2022,A.5.1,nist-800-53-rev5-low,AC-1,related,\n';
  assert.deepEqual(problemsOf(`${HEADER}\n${row.repeat(MAX_MAPPING_ROWS + 1)}"unclosed`), [
    `The file has more than ${MAX_MAPPING_ROWS} mapping rows`,
  ]);
  const ok = Array.from(
    { length: MAX_MAPPING_ROWS },
    (_, i) => `iso27001-2022,A.${i},nist-800-53-rev5-low,AC-${i},related,`,
  );
  assert.equal(parseMappingCsv([HEADER, ...ok].join('\n')).length, MAX_MAPPING_ROWS);
});

test('export then import gives back the same mappings, hostile and Nordic text included', () => {
  const mappings: CatalogMapping[] = [
    {
      sourceFramework: 'iso27001-2022',
      sourceRef: 'A.8.8',
      targetFramework: 'nis2',
      targetRef: '21(2)(e)',
      relationship: 'intersects',
      note: '=HYPERLINK("http://evil.example","Klicka här")',
    },
    {
      sourceFramework: 'fr2000-2023',
      sourceRef: '-4.1',
      targetFramework: 'iso9001-2015',
      targetRef: '@4.1',
      relationship: 'superset-of',
      note: 'Brandskydd (SBA), "systematiskt"; åäö ÅÄÖ æø\nandra raden, \'=quoted',
    },
    {
      sourceFramework: 'gdpr',
      sourceRef: 'Art. 32',
      targetFramework: 'iso27001-2022',
      targetRef: 'A.5.34',
      relationship: 'related',
      note: "'+already quoted",
    },
    {
      sourceFramework: 'gdpr',
      sourceRef: 'Art. 33',
      targetFramework: 'nis2',
      targetRef: '23',
      relationship: 'equivalent',
      note: '',
    },
  ];
  const csv = renderMappingCsv(mappings);
  assert.ok(csv.startsWith(`\ufeff${HEADER}\r\n`));
  const cells = (parse(csv, { bom: true }) as string[][]).flat();
  assert.equal(cells.length, 30);
  for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  assert.deepEqual(parseMappingCsv(csv), mappings);
});
