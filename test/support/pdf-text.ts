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

/** The text pdfkit wrote (`[<hex> …] TJ`) in every content stream, one line per TJ, whitespace folded. */
export function pdfkitText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/<<([\s\S]*?)>>\nstream\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
    const start = (match.index ?? 0) + match[0].length;
    let body = pdf.subarray(start, start + length);
    if ((match[1] ?? '').includes('/FlateDecode')) body = inflateSync(body);
    for (const tj of body.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
      lines.push(
        [...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
          .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      );
    }
  }
  return lines.join('\n');
}
