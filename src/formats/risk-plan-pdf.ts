import { type Pdf, renderPdf } from './pdf-render.js';
import { PdfTable } from './pdf-table.js';
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

const table = new PdfTable(
  riskPlanColumns.map((c) => ({ header: c.header, width: c.pdfWidth })),
  { margin: MARGIN, pad: PAD, contentWidth: CONTENT_WIDTH, fontSize: SIZE },
);

const cellText = (text: string) => {
  const clean = toWinAnsi(text).trim();
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}...` : clean;
};

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
  let y = table.header(pdf, titleBlock(pdf, doc));
  if (doc.rows.length === 0) pdf.text('No risks.', MARGIN + PAD, y + PAD);
  for (const row of doc.rows) {
    const texts = riskPlanColumns.map((c) => cellText(row[c.key]));
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

/** The risk treatment plan as an A4 landscape PDF; the same document always gives the same bytes. */
export function renderRiskPlanPdf(doc: RiskPlanDocument): Promise<Buffer> {
  return renderPdf(
    {
      title: `${RISK_PLAN_TITLE} — ${doc.organizationName}`,
      created: new Date(doc.generatedAt),
      margin: MARGIN,
      landscape: true,
      bufferPages: true,
      displayTitle: true,
    },
    (pdf) => writePlan(pdf, doc),
  );
}
