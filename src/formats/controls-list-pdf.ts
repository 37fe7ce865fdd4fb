import { type Pdf, renderPdf } from './pdf-render.js';
import { PdfTable } from './pdf-table.js';
import { toWinAnsi } from './soa-pdf.js';

export interface ControlsListRow {
  ref: string;
  title: string;
  status: string;
  /** `Baseline` for organisation-wide controls, otherwise the service's name. */
  scope: string;
  /** Framework references like `ISO/IEC 27001:2022 A.5.1`. */
  mappings: string[];
}

export interface ControlsListDocument {
  title: string;
  organizationName: string;
  versionLabel: string;
  generatedAt: string;
  controls: ControlsListRow[];
}

// A4 portrait in points.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TABLE_BOTTOM = PAGE_HEIGHT - MARGIN - 24;
const SIZE = 8;
const PAD = 3;
const MAX_CELL = 1200;

const columns = [
  { header: 'Ref', width: 55, text: (r: ControlsListRow) => r.ref },
  { header: 'Control', width: 170, text: (r: ControlsListRow) => r.title },
  { header: 'Status', width: 70, text: (r: ControlsListRow) => r.status },
  { header: 'Scope', width: 70, text: (r: ControlsListRow) => r.scope },
  {
    header: 'Framework references',
    width: CONTENT_WIDTH - 365,
    text: (r: ControlsListRow) => r.mappings.join(', '),
  },
];

const table = new PdfTable(columns, {
  margin: MARGIN,
  pad: PAD,
  contentWidth: CONTENT_WIDTH,
  fontSize: SIZE,
});

const cellText = (text: string) => {
  const clean = toWinAnsi(text).trim();
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}...` : clean;
};

function titleBlock(pdf: Pdf, doc: ControlsListDocument): number {
  pdf
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(toWinAnsi(doc.title), MARGIN, MARGIN, { width: CONTENT_WIDTH });
  const meta: [string, string][] = [
    ['Organisation', doc.organizationName],
    ['Version', doc.versionLabel || 'current'],
    ['Generated', doc.generatedAt.replace('.000Z', 'Z')],
    ['Controls', String(doc.controls.length)],
  ];
  for (const [label, value] of meta) {
    pdf
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${label}: `, MARGIN, pdf.y + 1, { continued: true });
    pdf.font('Helvetica').text(toWinAnsi(value), { width: CONTENT_WIDTH });
  }
  return pdf.y + 10;
}

function footers(pdf: Pdf, doc: ControlsListDocument): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const y = PAGE_HEIGHT - MARGIN - 4;
    const page = `Page ${index + 1} of ${range.count}`;
    pdf.font('Helvetica').fontSize(7).fillColor('#555555');
    const width = pdf.widthOfString(page);
    pdf.text(page, MARGIN + CONTENT_WIDTH - width, y, { lineBreak: false });
    pdf.text(toWinAnsi(`${doc.title} - ${doc.organizationName}`), MARGIN, y, {
      width: CONTENT_WIDTH - width - 20,
      height: 10,
      ellipsis: true,
    });
  }
}

function writeList(pdf: Pdf, doc: ControlsListDocument): void {
  let y = table.header(pdf, titleBlock(pdf, doc));
  if (doc.controls.length === 0) pdf.text('No controls are recorded yet.', MARGIN + PAD, y + PAD);
  for (const row of doc.controls) {
    const texts = columns.map((c) => cellText(c.text(row)));
    const height = table.rowHeight(pdf, texts);
    if (y + height > TABLE_BOTTOM) {
      pdf.addPage();
      y = table.header(pdf, MARGIN);
    }
    table.drawRow(pdf, texts, y, height);
    y += height;
  }
  footers(pdf, doc);
}

/** The cloud-controls list as an A4 PDF: one row per control; the same document always gives the same bytes. */
export function renderControlsListPdf(doc: ControlsListDocument): Promise<Buffer> {
  return renderPdf(
    {
      title: `${doc.title} - ${doc.organizationName}`,
      created: new Date(doc.generatedAt),
      margin: MARGIN,
      bufferPages: true,
      displayTitle: true,
    },
    (pdf) => writeList(pdf, doc),
  );
}

/** A short PDF of titled paragraphs (the demo's DPA and SLA). */
export function renderTextPdf(title: string, paragraphs: string[], at: Date): Promise<Buffer> {
  return renderPdf({ title: toWinAnsi(title), created: at, margin: MARGIN }, (pdf) => {
    pdf.font('Helvetica-Bold').fontSize(16).text(toWinAnsi(title), { width: CONTENT_WIDTH });
    pdf.moveDown();
    pdf.font('Helvetica').fontSize(10);
    for (const p of paragraphs) pdf.text(toWinAnsi(p), { width: CONTENT_WIDTH }).moveDown(0.6);
  });
}
