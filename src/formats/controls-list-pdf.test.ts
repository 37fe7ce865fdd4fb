import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { type ControlsListDocument, renderControlsListPdf, renderTextPdf } from './controls-list-pdf.js';

/** The text pdfkit wrote, one line per TJ operator, from every (deflated) content stream. */
function shownText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const match of raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    let body = pdf.subarray(start, start + length);
    if ((match[1] ?? '').includes('/FlateDecode')) body = inflateSync(body);
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
      out += `${[...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
        .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
        .join('')}\n`;
    }
  }
  return out;
}

const doc = (count: number): ControlsListDocument => ({
  title: 'Cloud controls',
  organizationName: 'Norrsken Cloud AB',
  versionLabel: '2026.1',
  generatedAt: '2026-12-02T10:00:00.000Z',
  controls: Array.from({ length: count }, (_, i) => ({
    ref: `CTL-${String(i + 1).padStart(3, '0')}`,
    title: i === 0 ? 'Kryptering av data i vila (åäö)' : `Control number ${i + 1}`,
    status: 'implemented',
    scope: i % 2 ? 'Compute' : 'Baseline',
    mappings: ['ISO/IEC 27001:2022 A.8.24', 'NIS2 Art. 21(2)(h)'],
  })),
});

test('every control is listed with its ref, title, status, scope and framework references', async () => {
  const pdf = await renderControlsListPdf(doc(3));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = shownText(pdf).replace(/\s+/g, ' ');
  for (const expected of [
    'Cloud controls',
    'Norrsken Cloud AB',
    '2026.1',
    'CTL-001',
    'Kryptering av data i vila (åäö)',
    'CTL-003',
    'implemented',
    'Baseline',
    'Compute',
    'ISO/IEC 27001:2022 A.8.24, NIS2 Art. 21(2)(h)',
  ]) {
    assert.ok(text.includes(expected), `the PDF shows ${expected}`);
  }
});

test('a long list runs over several pages with a header row on each, and is byte-for-byte repeatable', async () => {
  const first = await renderControlsListPdf(doc(120));
  const pages = (await PDFDocument.load(first)).getPageCount();
  assert.ok(pages >= 3, `${pages} pages`);
  assert.equal(shownText(first).match(/^Framework references$/gm)?.length, pages);
  assert.ok(shownText(first).includes(`Page ${pages} of ${pages}`));
  assert.deepEqual(await renderControlsListPdf(doc(120)), first);
});

test('an organisation without controls gets a list that says so', async () => {
  assert.ok(shownText(await renderControlsListPdf(doc(0))).includes('No controls are recorded yet.'));
});

test('a text document is a readable PDF with its title and paragraphs', async () => {
  const pdf = await renderTextPdf(
    'Data processing agreement',
    ['First clause.', 'Second clause.'],
    new Date(0),
  );
  assert.equal((await PDFDocument.load(pdf)).getPageCount(), 1);
  const text = shownText(pdf);
  assert.ok(text.includes('Data processing agreement') && text.includes('Second clause.'));
});
