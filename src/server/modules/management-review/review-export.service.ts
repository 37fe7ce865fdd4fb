import { renderReviewMarkdown } from '../../../formats/management-review-markdown.js';
import type { ReviewDocument } from '../../../formats/management-review-sections.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { fileNamePart } from '../../kernel/http/downloads.js';
import { getReview } from './management-review.service.js';

export interface ReviewFile {
  body: Buffer | string;
  fileName: string;
  contentType: string;
}

export async function exportReview(
  ctx: ServiceContext,
  id: string,
  format: 'md' | 'pdf',
): Promise<ReviewFile> {
  const review = await getReview(ctx, id);
  if (!review.report) {
    throw new AppError('CONFLICT', `The review "${review.title}" has no report yet: assemble it first`);
  }
  const doc: ReviewDocument = {
    report: review.report,
    status: review.status,
    decisions: review.actions.map((a) => ({ text: a.text, ownerName: a.ownerName, dueDate: a.dueDate })),
  };
  const fileName = `management-review-${fileNamePart(review.title)}-${review.periodTo}.${format}`;
  return format === 'md'
    ? { body: renderReviewMarkdown(doc), fileName, contentType: 'text/markdown; charset=utf-8' }
    : {
        body: await (await import('../../../formats/management-review-pdf.js')).renderReviewPdf(doc),
        fileName,
        contentType: 'application/pdf',
      };
}
