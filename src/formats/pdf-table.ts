import type { Pdf } from './pdf-render.js';

export interface PdfColumn {
  header: string;
  width: number;
}

export interface PdfTableLayout {
  /** Left edge of the table. */
  margin: number;
  /** Padding inside each cell. */
  pad: number;
  /** Full width of the table (its rules and header band). */
  contentWidth: number;
  fontSize: number;
}

/** A ruled table drawn with pdfkit: a grey bold header band and rows of wrapped cells. */
export class PdfTable {
  constructor(
    private readonly columns: readonly PdfColumn[],
    private readonly layout: PdfTableLayout,
  ) {}

  rowHeight(pdf: Pdf, texts: string[]): number {
    const { pad } = this.layout;
    const heights = this.columns.map((c, i) =>
      texts[i] ? pdf.heightOfString(texts[i] ?? '', { width: c.width - 2 * pad }) : 0,
    );
    return Math.max(...heights) + 2 * pad;
  }

  drawRow(pdf: Pdf, texts: string[], y: number, height: number): void {
    const { margin, pad, contentWidth } = this.layout;
    let x = margin;
    for (const [i, column] of this.columns.entries()) {
      const text = texts[i] ?? '';
      if (text) pdf.text(text, x + pad, y + pad, { width: column.width - 2 * pad, height });
      x += column.width;
    }
    pdf
      .moveTo(margin, y + height)
      .lineTo(margin + contentWidth, y + height)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
  }

  /** Draws the header band at `y`; returns where the first row goes. */
  header(pdf: Pdf, y: number): number {
    const { margin, contentWidth, fontSize } = this.layout;
    const texts = this.columns.map((c) => c.header);
    pdf.font('Helvetica-Bold').fontSize(fontSize);
    const height = this.rowHeight(pdf, texts);
    pdf.rect(margin, y, contentWidth, height).fill('#e8e8e8').fillColor('black');
    this.drawRow(pdf, texts, y, height);
    pdf.font('Helvetica').fontSize(fontSize);
    return y + height;
  }
}
