import {
  type Block,
  type ReviewDocument,
  reviewHeaderLines,
  reviewSections,
} from './management-review-sections.js';
import { type Pdf, renderPdf } from './pdf-render.js';
import { toWinAnsi } from './soa-pdf.js';

// A4 portrait in points.
const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

function writeBlock(pdf: Pdf, b: Block): void {
  pdf.font(FONT).fontSize(10).fillColor('#000000');
  if (b.kind === 'text') pdf.text(toWinAnsi(b.text));
  else if (b.kind === 'list') pdf.list(b.items.map(toWinAnsi), { bulletRadius: 1.5, textIndent: 10 });
  else {
    pdf.font(BOLD).text(toWinAnsi(b.headers.join(' | ')));
    pdf.font(FONT);
    for (const row of b.rows) pdf.text(toWinAnsi(row.join(' | ')));
  }
  pdf.moveDown(0.5);
}

/** The management review as an A4 PDF; the same document always gives the same bytes. */
export function renderReviewPdf(doc: ReviewDocument): Promise<Buffer> {
  return renderPdf(
    {
      title: toWinAnsi(`${doc.report.review.title} - ${doc.report.organizationName}`),
      created: new Date(doc.report.assembledAt),
      margin: MARGIN,
      displayTitle: true,
    },
    (pdf) => {
      pdf.font(BOLD).fontSize(16).text(toWinAnsi(doc.report.review.title));
      pdf.font(FONT).fontSize(10);
      for (const line of reviewHeaderLines(doc)) pdf.text(toWinAnsi(line));
      for (const section of reviewSections(doc)) {
        pdf.moveDown(0.8).font(BOLD).fontSize(13).fillColor('#000000').text(toWinAnsi(section.heading));
        pdf.moveDown(0.3);
        for (const b of section.blocks) writeBlock(pdf, b);
      }
    },
  );
}
