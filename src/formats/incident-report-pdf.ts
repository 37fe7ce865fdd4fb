import type { ReportDocument } from './incident-report-markdown.js';
import { renderPdf } from './pdf-render.js';
import { toWinAnsi } from './soa-pdf.js';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** An incident report as an A4 PDF, the same sections as its Markdown; the same input gives the same bytes. */
export function renderReportPdf(doc: ReportDocument, created: Date): Promise<Buffer> {
  const title = `${doc.title} - ${doc.incident}`;
  return renderPdf({ title: toWinAnsi(title), created, margin: MARGIN, displayTitle: true }, (pdf) => {
    pdf.font(BOLD).fontSize(16).text(toWinAnsi(title));
    pdf.moveDown(0.5).font(FONT).fontSize(10);
    const status = `${doc.status}${doc.submitted ? ` (${doc.submitted})` : ''}`;
    for (const [label, value] of [
      ['Authority', doc.authority],
      ['Version', String(doc.version)],
      ['Due', doc.due ?? 'without undue delay'],
      ['Status', status],
    ] as const)
      pdf.font(BOLD).text(`${label}: `, { continued: true }).font(FONT).text(toWinAnsi(value));
    for (const field of doc.fields) {
      pdf.moveDown(0.8).font(BOLD).fontSize(12).text(toWinAnsi(field.label));
      pdf.moveDown(0.2).font(FONT).fontSize(10);
      if (field.value.trim()) pdf.text(toWinAnsi(field.value.trim()));
      else pdf.fillColor('#555555').text('Not given.').fillColor('#000000');
    }
  });
}
