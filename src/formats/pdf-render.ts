export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  /** Fixes CreationDate and ModDate, so the same input always gives the same bytes. */
  created: Date;
  margin: number;
  landscape?: boolean;
  bufferPages?: boolean;
  displayTitle?: boolean;
}

/** An A4 document (portrait unless `landscape`) with Tillit's info fields; runs `write` and resolves the PDF's bytes. */
export async function renderPdf(options: PdfOptions, write: (pdf: Pdf) => void): Promise<Buffer> {
  const { margin, created } = options;
  // pdfkit costs a quarter CPU-second to load: loaded by the first PDF, not by every process.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    ...(options.landscape ? { layout: 'landscape' as const } : {}),
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    ...(options.bufferPages ? { bufferPages: true } : {}),
    ...(options.displayTitle ? { displayTitle: true } : {}),
    info: {
      Title: options.title,
      Author: 'Tillit',
      Creator: 'Tillit',
      CreationDate: created,
      ModDate: created,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    write(pdf);
  } finally {
    pdf.end();
  }
  return done;
}
