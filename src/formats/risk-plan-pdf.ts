import PDFDocument from 'pdfkit';
import { RISK_PLAN_TITLE, type RiskPlanDocument, riskPlanColumns, riskPlanMetadata } from './risk-plan.js';
import { toWinAnsi } from './soa-pdf.js';

// A4 landscape in points.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TABLE_BOTTOM = PAGE_HEIGHT - MARGIN - 20;
const SIZE = 8;
const PAD = 3;
// A cell never grows past a page; the XLSX export carries the full text.
const MAX_CELL = 1500;

type Pdf = PDFKit.PDFDocument;

const cellText = (text: string) => {
  const clean = toWinAnsi(text).trim();
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}...` : clean;
};

function rowHeight(pdf: Pdf, texts: string[]): number {
  return (
    Math.max(
      ...riskPlanColumns.map((c, i) =>
        texts[i] ? pdf.heightOfString(texts[i] ?? '', { width: c.pdfWidth - 2 * PAD }) : 0,
      ),
    ) +
    2 * PAD
  );
}

function drawRow(pdf: Pdf, texts: string[], y: number, height: number): void {
  let x = MARGIN;
  for (const [i, column] of riskPlanColumns.entries()) {
    const text = texts[i] ?? '';
    if (text) pdf.text(text, x + PAD, y + PAD, { width: column.pdfWidth - 2 * PAD, height });
    x += column.pdfWidth;
  }
  pdf
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + CONTENT_WIDTH, y + height)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke();
}

function header(pdf: Pdf, y: number): number {
  const texts = riskPlanColumns.map((c) => c.header);
  pdf.font('Helvetica-Bold').fontSize(SIZE);
  const height = rowHeight(pdf, texts);
  pdf.rect(MARGIN, y, CONTENT_WIDTH, height).fill('#e8e8e8').fillColor('black');
  drawRow(pdf, texts, y, height);
  pdf.font('Helvetica').fontSize(SIZE);
  return y + height;
}

function titleBlock(pdf: Pdf, doc: RiskPlanDocument): number {
  pdf.font('Helvetica-Bold').fontSize(16).text(RISK_PLAN_TITLE, MARGIN, MARGIN, { width: CONTENT_WIDTH });
  for (const [label, value] of riskPlanMetadata(doc)) {
    pdf
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${label}: `, MARGIN, pdf.y + 1, { continued: true });
    pdf.font('Helvetica').text(toWinAnsi(value), { width: CONTENT_WIDTH });
  }
  return pdf.y + 10;
}

function footers(pdf: Pdf, doc: RiskPlanDocument): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    const y = PAGE_HEIGHT - MARGIN - 10;
    const page = `Page ${index + 1} of ${range.count}`;
    pdf.font('Helvetica').fontSize(7).fillColor('#555555');
    const width = pdf.widthOfString(page);
    pdf.text(page, MARGIN + CONTENT_WIDTH - width, y, { lineBreak: false });
    pdf.text(toWinAnsi(`${RISK_PLAN_TITLE} · ${doc.organizationName}`), MARGIN, y, {
      width: CONTENT_WIDTH - width - 20,
      height: 10,
      ellipsis: true,
    });
  }
}

function writePlan(pdf: Pdf, doc: RiskPlanDocument): void {
  let y = header(pdf, titleBlock(pdf, doc));
  if (doc.rows.length === 0) pdf.text('No risks.', MARGIN + PAD, y + PAD);
  for (const row of doc.rows) {
    const texts = riskPlanColumns.map((c) => cellText(row[c.key]));
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

/** The risk treatment plan as an A4 landscape PDF; the same document always gives the same bytes. */
export function renderRiskPlanPdf(doc: RiskPlanDocument): Promise<Buffer> {
  const created = new Date(doc.generatedAt);
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: `${RISK_PLAN_TITLE} — ${doc.organizationName}`,
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
    writePlan(pdf, doc);
  } finally {
    pdf.end();
  }
  return done;
}
