/** A paragraph of a policy with the heading it stands under. */
export interface PolicyExcerpt {
  heading: string;
  text: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_ROW = /^\s*\|/;
const FENCE = /^\s*(```|~~~)/;

function plain(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}

/**
 * Splits a Markdown policy into paragraphs under their nearest heading (the document title when none);
 * a list counts as one paragraph. Tables and code blocks are left out: they read badly as an answer.
 */
export function policyExcerpts(markdown: string, documentTitle: string): PolicyExcerpt[] {
  const excerpts: PolicyExcerpt[] = [];
  let heading = documentTitle;
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines.join(' ').replace(/\s+/g, ' ').trim();
    if (text.length >= 20) excerpts.push({ heading, text });
    lines = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence || TABLE_ROW.test(line)) continue;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      heading = plain(h[2] ?? '') || documentTitle;
    } else if (line.trim() === '') flush();
    else lines.push(plain(line));
  }
  flush();
  return excerpts;
}
