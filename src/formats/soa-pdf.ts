import type { SoaDocument, SoaRow } from '../contracts/soa.js';
import { type Pdf, renderPdf } from './pdf-render.js';
import {
  applicableLabel,
  controlsLabel,
  frameworkLabel,
  generatedAtDate,
  implementationStatusLabels,
  SOA_TITLE,
  scopeLabel,
  soaMetadata,
} from './soa-labels.js';

// A4 landscape in points.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_HEIGHT = 20;
const TABLE_BOTTOM = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 8;
const PAD = 3;

interface Column {
  header: string;
  width: number;
  text: (row: SoaRow) => string;
}

const fixedColumns: Column[] = [
  { header: 'Requirement', width: 64, text: (row) => row.ref },
  { header: 'Title', width: 140, text: (row) => row.title },
  { header: 'Applicable', width: 54, text: (row) => applicableLabel(row.applicable) },
  { header: 'Justification', width: 240, text: (row) => row.justification },
  { header: 'Status', width: 72, text: (row) => implementationStatusLabels[row.implementationStatus] },
];
const columns: Column[] = [
  ...fixedColumns,
  {
    header: 'Controls',
    width: CONTENT_WIDTH - fixedColumns.reduce((sum, column) => sum + column.width, 0),
    text: (row) => controlsLabel(row.controls, '\n'),
  },
];

/** Characters Helvetica can show beyond Latin-1: the WinAnsi code points 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2190': '<-',
  '\u2192': '->',
};

function representable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

/**
 * pdfkit writes the built-in fonts' text as WinAnsi codes and emits any other character as its raw UTF-16 hex,
 * which shifts the following bytes into garbage, so text is reduced to what WinAnsi can carry: accents that
 * only exist decomposed lose the accent, the rest becomes `?`.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? c : ''))) {
    if (representable(char)) {
      out += char;
      continue;
    }
    const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out +=
      SUBSTITUTES[char] ?? (decomposed !== '' && [...decomposed].every(representable) ? decomposed : '?');
  }
  return out;
}

function measure(pdf: Pdf, text: string, width: number): number {
  return text === '' ? 0 : pdf.heightOfString(text, { width });
}

/** The longest start of `text` that fits in `height`, broken at whitespace where there is any. */
function splitToHeight(pdf: Pdf, text: string, width: number, height: number): [string, string] {
  if (measure(pdf, text, width) <= height) return [text, ''];
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(pdf, text.slice(0, middle), width) <= height) low = middle;
    else high = middle - 1;
  }
  const space = text.slice(0, low + 1).search(/\s\S*$/);
  const cut = space > 0 ? space : low;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

class SoaPdfWriter {
  private y = MARGIN;
  private rowsOnPage = 0;
  private readonly lineHeight: number;
  private readonly continuationTableTop: number;

  constructor(
    private readonly pdf: Pdf,
    private readonly doc: SoaDocument,
  ) {
    pdf.font(FONT).fontSize(SIZE);
    this.lineHeight = pdf.heightOfString('X', { width: CONTENT_WIDTH });
    this.continuationTableTop = MARGIN + this.headerHeight();
  }

  write(): void {
    this.titleBlock();
    this.tableHeader();
    if (this.doc.rows.length === 0) {
      this.pdf
        .font(FONT)
        .fontSize(SIZE)
        .text('No requirements.', MARGIN + PAD, this.y + PAD);
    }
    let group: string | null = null;
    for (const row of this.doc.rows) {
      if (row.group !== group) {
        group = row.group;
        this.groupRow(group);
      }
      this.row(columns.map((column) => toWinAnsi(column.text(row)).trim()));
    }
    this.footers();
  }

  private titleBlock(): void {
    this.pdf.font(BOLD).fontSize(16).text(SOA_TITLE, MARGIN, this.y, { width: CONTENT_WIDTH });
    this.y = this.pdf.y + 6;
    for (const [label, value] of soaMetadata(this.doc)) {
      this.pdf
        .font(BOLD)
        .fontSize(9)
        .text(`${label}: `, MARGIN, this.y, { continued: true })
        .font(FONT)
        .text(toWinAnsi(value), { width: CONTENT_WIDTH });
      this.y = this.pdf.y + 1;
    }
    this.y += 10;
  }

  private headerHeight(): number {
    this.pdf.font(BOLD).fontSize(SIZE);
    const height =
      Math.max(...columns.map((column) => measure(this.pdf, column.header, column.width - 2 * PAD))) +
      2 * PAD;
    this.pdf.font(FONT).fontSize(SIZE);
    return height;
  }

  private tableHeader(): void {
    const height = this.headerHeight();
    this.pdf.font(BOLD).fontSize(SIZE);
    this.pdf.rect(MARGIN, this.y, CONTENT_WIDTH, height).fill('#e8e8e8').fillColor('black');
    this.cells(
      columns.map((column) => column.header),
      height,
    );
    this.y += height;
    this.pdf.font(FONT).fontSize(SIZE);
  }

  private newPage(): void {
    this.pdf.addPage();
    this.y = MARGIN;
    this.rowsOnPage = 0;
    this.tableHeader();
  }

  private cells(texts: string[], height: number): void {
    let x = MARGIN;
    for (const [index, column] of columns.entries()) {
      const text = texts[index] ?? '';
      // The height option makes pdfkit stop at the cell instead of starting a page of its own.
      if (text !== '') this.pdf.text(text, x + PAD, this.y + PAD, { width: column.width - 2 * PAD, height });
      x += column.width;
    }
  }

  private rule(): void {
    this.pdf
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + CONTENT_WIDTH, this.y)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
  }

  private groupRow(group: string): void {
    this.pdf.font(BOLD).fontSize(SIZE);
    const text = toWinAnsi(group);
    const height = measure(this.pdf, text, CONTENT_WIDTH - 2 * PAD) + 2 * PAD;
    // Keep a group heading together with at least one line of its first requirement.
    if (this.y + height + this.lineHeight + 2 * PAD > TABLE_BOTTOM) this.newPage();
    this.pdf
      .font(BOLD)
      .fontSize(SIZE)
      .text(text, MARGIN + PAD, this.y + PAD, {
        width: CONTENT_WIDTH - 2 * PAD,
        height,
      });
    this.y += height;
    this.rule();
    this.pdf.font(FONT).fontSize(SIZE);
  }

  private row(texts: string[]): void {
    let pending = texts;
    for (;;) {
      const height =
        Math.max(...columns.map((column, i) => measure(this.pdf, pending[i] ?? '', column.width - 2 * PAD))) +
        2 * PAD;
      if (this.y + height <= TABLE_BOTTOM) {
        this.cells(pending, height);
        this.y += height;
        this.rule();
        this.rowsOnPage++;
        return;
      }
      const available = TABLE_BOTTOM - this.y - 2 * PAD;
      // A row that fits on a page of its own moves there whole, unless this page has no row yet.
      if (
        (height <= TABLE_BOTTOM - this.continuationTableTop && this.rowsOnPage > 0) ||
        available < this.lineHeight + 1
      ) {
        this.newPage();
        continue;
      }
      // Taller than a page: show what fits here and carry the rest of every cell to the next page.
      const parts = columns.map((column, i) =>
        splitToHeight(this.pdf, pending[i] ?? '', column.width - 2 * PAD, available),
      );
      this.cells(
        parts.map(([fit]) => fit),
        available,
      );
      pending = parts.map(([, rest], i) => (i === 0 && rest === '' ? `${texts[0]}\n(continued)` : rest));
      this.newPage();
    }
  }

  private footers(): void {
    const range = this.pdf.bufferedPageRange();
    const left = toWinAnsi(
      `${SOA_TITLE} · ${this.doc.organizationName} · ${frameworkLabel(this.doc)} · ${scopeLabel(this.doc)}`,
    );
    for (let index = range.start; index < range.start + range.count; index++) {
      this.pdf.switchToPage(index);
      const y = PAGE_HEIGHT - MARGIN - 10;
      const page = `Page ${index + 1} of ${range.count}`;
      this.pdf.font(FONT).fontSize(7).fillColor('#555555');
      const pageWidth = this.pdf.widthOfString(page);
      this.pdf.text(page, MARGIN + CONTENT_WIDTH - pageWidth, y, { lineBreak: false });
      this.pdf.text(left, MARGIN, y, { width: CONTENT_WIDTH - pageWidth - 20, height: 10, ellipsis: true });
    }
  }
}

/** The Statement of Applicability as an A4 landscape PDF; the same document always gives the same bytes. */
export function renderSoaPdf(doc: SoaDocument): Promise<Buffer> {
  return renderPdf(
    {
      title: `${SOA_TITLE} — ${frameworkLabel(doc)} — ${doc.organizationName}`,
      created: generatedAtDate(doc),
      margin: MARGIN,
      landscape: true,
      bufferPages: true,
      displayTitle: true,
    },
    (pdf) => new SoaPdfWriter(pdf, doc).write(),
  );
}
