import PDFDocument from 'pdfkit';
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

type Pdf = PDFKit.PDFDocument;

const cellText = (text: string) => {
  const clean = toWinAnsi(text).trim();
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}...` : clean;
};

function rowHeight(pdf: Pdf, texts: string[]): number {
  const heights = columns.map((c, i) =>
    texts[i] ? pdf.heightOfString(texts[i] ?? '', { width: c.width - 2 * PAD }) : 0,
  );
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(pdf: Pdf, texts: string[], y: number, height: number): void {
  let x = MARGIN;
  for (const [i, column] of columns.entries()) {
    const text = texts[i] ?? '';
    if (text) pdf.text(text, x + PAD, y + PAD, { width: column.width - 2 * PAD, height });
    x += column.width;
  }
  pdf
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + CONTENT_WIDTH, y + height)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke();
}

function header(pdf: Pdf, y: number): number {
  const texts = columns.map((c) => c.header);
  pdf.font('Helvetica-Bold').fontSize(SIZE);
  const height = rowHeight(pdf, texts);
  pdf.rect(MARGIN, y, CONTENT_WIDTH, height).fill('#e8e8e8').fillColor('black');
  drawRow(pdf, texts, y, height);
  pdf.font('Helvetica').fontSize(SIZE);
  return y + height;
}

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
  let y = header(pdf, titleBlock(pdf, doc));
  if (doc.controls.length === 0) pdf.text('No controls are recorded yet.', MARGIN + PAD, y + PAD);
  for (const row of doc.controls) {
    const texts = columns.map((c) => cellText(c.text(row)));
    const height = rowHeight(pdf, texts);
    if (y + height > TABLE_BOTTOM) {
      pdf.addPage();
      y = header(pdf, MARGIN);
    }
    drawRow(pdf, texts, y, height);
    y += height;
  }
  footers(pdf, doc);
}

/** The cloud-controls list as an A4 PDF: one row per control; the same document always gives the same bytes. */
export function renderControlsListPdf(doc: ControlsListDocument): Promise<Buffer> {
  const created = new Date(doc.generatedAt);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: `${doc.title} - ${doc.organizationName}`,
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
    writeList(pdf, doc);
  } finally {
    pdf.end();
  }
  return done;
}

/** A short PDF of titled paragraphs (the demo's DPA and SLA). */
export function renderTextPdf(title: string, paragraphs: string[], at: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: toWinAnsi(title), Author: 'Tillit', Creator: 'Tillit', CreationDate: at, ModDate: at },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    pdf.font('Helvetica-Bold').fontSize(16).text(toWinAnsi(title), { width: CONTENT_WIDTH });
    pdf.moveDown();
    pdf.font('Helvetica').fontSize(10);
    for (const p of paragraphs) pdf.text(toWinAnsi(p), { width: CONTENT_WIDTH }).moveDown(0.6);
  } finally {
    pdf.end();
  }
  return done;
}
