import {
  type Block,
  type ReviewDocument,
  reviewHeaderLines,
  reviewSections,
} from './management-review-sections.js';

/** Escapes inline Markdown syntax so data is always shown as text, never as markup or HTML. */
function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_{}[\]<>|~&!])/g, '\\$1');
}

/** Inline escaping plus what would start a heading, list or quote at the beginning of a line. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#+\-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function block(b: Block): string {
  if (b.kind === 'text') return escapeMarkdown(b.text);
  if (b.kind === 'list') return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
  const row = (cells: string[]) => `| ${cells.map(escapeInline).join(' | ')} |`;
  return [row(b.headers), `|${b.headers.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
}

/** The review as Markdown; the same snapshot always gives the same bytes. */
export function renderReviewMarkdown(doc: ReviewDocument): string {
  const [title, ...meta] = reviewHeaderLines(doc);
  const parts = [
    `# ${escapeMarkdown(doc.report.review.title)}`,
    escapeMarkdown(title ?? ''),
    meta.map((m) => escapeMarkdown(m)).join('  \n'),
    ...reviewSections(doc).map(
      (s) => `## ${escapeMarkdown(s.heading)}\n\n${s.blocks.map(block).join('\n\n')}`,
    ),
  ];
  return `${parts.join('\n\n')}\n`;
}
