import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFRawStream } from 'pdf-lib';

/** The strings pdf-lib drew (`<hex> Tj`) in any content stream of the PDF, one per line, deflated where needed. */
export async function drawnText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  let out = '';
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    let data: Buffer = Buffer.from(obj.contents);
    try {
      data = inflateSync(data);
    } catch {
      // Not deflated: read as it is.
    }
    for (const m of data.toString('latin1').matchAll(/<([0-9A-Fa-f]+)> Tj/g)) {
      out += `${Buffer.from(m[1] ?? '', 'hex').toString('latin1')}\n`;
    }
  }
  return out;
}
