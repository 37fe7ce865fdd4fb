import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { SoaDocument, SoaRow } from '../contracts/soa.js';
import { renderSoaPdf, toWinAnsi } from './soa-pdf.js';

/** The 0x80–0x9F part of WinAnsi; the rest of the codes are Latin-1. */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text of each page's content stream, one line per TJ operator (pdfkit writes one per wrapped line). */
function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const pages: string[] = [];
  for (const match of raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    let body = pdf.subarray(start, start + length);
    if ((match[1] ?? '').includes('/FlateDecode')) body = inflateSync(body);
    const lines = [...body.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)].map((tj) =>
      [...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
        .map((hex) =>
          [...Buffer.from(hex[1] ?? '', 'hex')]
            .map((byte) =>
              byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_HIGH[byte - 0x80] : String.fromCharCode(byte),
            )
            .join(''),
        )
        .join(''),
    );
    if (lines.length > 0) pages.push(lines.join('\n'));
  }
  return pages;
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
}

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
        title: `Control ${group[0]}.${i + 1} of the Annex`,
        group,
        applicable: i % 5 !== 4,
        justification:
          i % 5 === 4
            ? 'Ingen egen utveckling av hårdvara sker; kravet är därför inte tillämpligt för vår verksamhet.'
            : 'Krävs för molntjänsterna i STO1, STO2 och OSL1; styrs av ledningssystemet och följs upp årligen.',
        implementationStatus: i % 5 === 4 ? 'not-applicable' : 'implemented',
        controls:
          i % 5 === 4
            ? []
            : [
                { ref: `CTL-${i + 1}`, title: 'Baseline practice', scope: 'Baseline', status: 'implemented' },
                {
                  ref: `CTL-${i + 100}`,
                  title: 'Service practice',
                  scope: 'Kubernetes',
                  status: 'in-progress',
                },
              ],
      }),
    ),
  );
}

const doc: SoaDocument = {
  organizationName: 'Nordmoln AB',
  frameworkName: 'ISO/IEC 27001',
  frameworkVersion: '2022',
  serviceName: null,
  generatedAt: '2026-03-01T14:05:09.000Z',
  rows: annexA(),
};

test('a whole Annex A becomes a multi-page A4 landscape PDF with the header and page number on every page', async () => {
  const pdf = await renderSoaPdf(doc);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.toString('latin1').trimEnd().endsWith('%%EOF'));
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.89 595\.28\]/);
  const count = pageCount(pdf);
  assert.ok(count >= 4, `93 requirements need several pages, got ${count}`);
  const pages = pageTexts(pdf);
  assert.equal(pages.length, count);
  for (const [index, text] of pages.entries()) {
    const lines = text.split('\n');
    for (const header of ['Requirement', 'Title', 'Applicable', 'Justification', 'Status', 'Controls']) {
      assert.ok(lines.includes(header), `page ${index + 1} has the ${header} header`);
    }
    assert.ok(lines.includes(`Page ${index + 1} of ${count}`), `page ${index + 1} is numbered`);
  }
  const all = pages.join('\n');
  assert.ok(all.includes('Statement of Applicability'));
  assert.ok(all.includes('Nordmoln AB'));
  assert.ok(all.includes('ISO/IEC 27001 2022'));
  assert.ok(all.includes('Whole organisation'));
  assert.ok(all.includes('2026-03-01 14:05 UTC'));
  for (const ref of ['A.5.1', 'A.6.8', 'A.7.14', 'A.8.34']) assert.ok(all.split('\n').includes(ref), ref);
  assert.ok(all.includes('8 Technological controls'));
  assert.ok(all.includes('CTL-1 Baseline practice (Baseline,'));
  assert.ok(all.includes('Not applicable'));
});

test('Swedish characters survive as real text', async () => {
  const pages = pageTexts(
    await renderSoaPdf({ ...doc, serviceName: 'Lagring i Göteborg', rows: doc.rows.slice(0, 5) }),
  );
  const all = pages.join('\n');
  assert.ok(all.includes('Ingen egen utveckling av hårdvara sker; kravet är därför inte'), all);
  assert.ok(all.includes('Lagring i Göteborg'));
});

test('fewer rows give fewer pages', async () => {
  const small = pageCount(await renderSoaPdf({ ...doc, rows: doc.rows.slice(0, 10) }));
  const large = pageCount(await renderSoaPdf(doc));
  assert.equal(small, 1);
  assert.ok(large > small + 2);
});

test('a justification longer than a page continues on the next page without losing text', async () => {
  const words = Array.from({ length: 1500 }, (_, i) => `ord${i}`).join(' ');
  const controls = Array.from({ length: 150 }, (_, i) => ({
    ref: `CTL-${1000 + i}`,
    title: 'Split across pages',
    scope: 'Baseline',
    status: 'implemented' as const,
  }));
  const first = doc.rows[0];
  assert.ok(first);
  const pdf = await renderSoaPdf({
    ...doc,
    rows: [{ ...first, justification: words, controls }, ...doc.rows.slice(1, 3)],
  });
  const count = pageCount(pdf);
  assert.ok(count >= 2, `got ${count} pages`);
  const pages = pageTexts(pdf);
  const text = pages.join(' ').replace(/\s+/g, ' ');
  const printed = new Set(text.split(' '));
  assert.equal(words.split(' ').filter((word) => !printed.has(word)).length, 0, 'every word is printed');
  const lines = pages.join('\n').split('\n');
  for (const control of controls) {
    assert.ok(lines.includes(`${control.ref} Split across pages (Baseline, implemented)`), control.ref);
  }
  assert.ok(pages[1]?.split('\n').includes('Justification'), 'the continuation page repeats the header');
  assert.match(pages[1] ?? '', /\nA\.5\.1\n\(continued\)\n/, 'the continuation names its requirement');
  assert.ok(text.includes('A.5.3'), 'the rows after the long one still follow');
});

test('the same document renders to the same bytes, dated by generatedAt', async () => {
  const a = await renderSoaPdf(doc);
  const b = await renderSoaPdf(doc);
  assert.ok(a.equals(b));
  const raw = a.toString('latin1');
  assert.match(raw, /\(D:20260301140509Z\)/);
  assert.match(raw, /\/Author/);
  assert.ok(raw.includes('(Tillit)'));
});

test('an empty statement still renders one page', async () => {
  const pdf = await renderSoaPdf({ ...doc, rows: [] });
  assert.equal(pageCount(pdf), 1);
  assert.ok(pageTexts(pdf)[0]?.includes('No requirements.'));
});

test('text Helvetica cannot show is reduced to what it can, never to shifted bytes', () => {
  assert.equal(
    toWinAnsi('Räksmörgås ÅÄÖ æøå – “citat” … 18 °C € ™'),
    'Räksmörgås ÅÄÖ æøå – “citat” … 18 °C € ™',
  );
  assert.equal(toWinAnsi('a\r\nb\tc\u0000d\u200be'), 'a\nb cde');
  assert.equal(toWinAnsi('≥ 99.9 % → ok − x'), '>= 99.9 % -> ok - x');
  assert.equal(toWinAnsi('ő ﬁ Ａ'), 'o fi A');
  assert.equal(toWinAnsi('łódź 🔒 中'), '?ódz ? ?');
  assert.equal(toWinAnsi('a\u0308'), 'ä');
});
