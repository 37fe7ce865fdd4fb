import { z } from 'zod';

export const watermarkSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.string().email().max(320),
  at: z.date(),
});
export type Watermark = z.infer<typeof watermarkSchema>;

// Standard fonts only encode WinAnsi; anything else would make pdf-lib throw mid-download.
function winAnsi(text: string): string {
  return text.normalize('NFC').replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
}

export function watermarkLine(mark: Watermark): string {
  return winAnsi(`${mark.name} <${mark.email}> ${mark.at.toISOString().replace('.000Z', 'Z')}`);
}

/** Stamps every page with a diagonal light mark and a footer line naming the downloader. */
export async function watermarkPdf(pdf: Uint8Array, input: Watermark): Promise<Uint8Array> {
  const mark = watermarkSchema.parse(input);
  // pdf-lib costs a third of a CPU-second to load: the first download loads it, not every process.
  const { degrees, PDFDocument, rgb, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = watermarkLine(mark);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    page.drawText(line, {
      x: width * 0.12,
      y: height * 0.3,
      size: Math.min(28, (width * 1.1) / Math.max(1, line.length) / 0.5),
      font,
      color: rgb(0.75, 0.75, 0.75),
      opacity: 0.35,
      rotate: degrees(45),
    });
    page.drawText(`Confidential - downloaded by ${line}`, {
      x: 36,
      y: 18,
      size: 8,
      font,
      color: rgb(0.3, 0.3, 0.3),
    });
  }
  return doc.save();
}
