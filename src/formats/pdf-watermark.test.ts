import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { watermarkPdf } from './pdf-watermark.js';

async function shownText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  let out = '';
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    let data: Buffer = Buffer.from(obj.contents);
    try {
      data = inflateSync(data);
    } catch {}
    for (const m of data.toString('latin1').matchAll(/<([0-9A-Fa-f]+)> Tj/g)) {
      out += `${Buffer.from(m[1] ?? '', 'hex').toString('latin1')}\n`;
    }
  }
  return out;
}

test('every page carries the name, email and UTC time', async () => {
  const src = await PDFDocument.create();
  src.addPage();
  src.addPage();
  const at = new Date('2026-11-22T10:00:00Z');
  const out = await watermarkPdf(await src.save(), { name: 'Åsa Berg', email: 'asa@kund.example', at });
  const text = await shownText(out);
  const hits = text
    .split('\n')
    .filter((l) => l.includes('asa@kund.example') && l.includes('2026-11-22T10:00:00Z'));
  assert.equal(hits.length, 4);
  assert.ok(text.includes('Åsa Berg'));
});

test('refuses a bad email and a non-PDF', async () => {
  const at = new Date();
  await assert.rejects(watermarkPdf(new Uint8Array([1, 2, 3]), { name: 'A', email: 'bad', at }));
  await assert.rejects(
    watermarkPdf(new TextEncoder().encode('not a pdf'), { name: 'A', email: 'a@b.example', at }),
  );
});
