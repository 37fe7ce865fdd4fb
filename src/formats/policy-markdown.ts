import { renderMarkdown } from './markdown.js';

/**
 * A document's Markdown as HTML to show inside a page whose own headings are h1 (the document title) and h2
 * (its panels): the document's headings move down by `shift` levels, h6 at most. The renderer escapes raw
 * HTML, so every `<hN>` tag in its output is one it wrote itself.
 */
export function renderPolicyMarkdown(text: string, shift = 2): string {
  return renderMarkdown(text).replace(/<(\/?)h([1-6])>/g, (_m, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + shift)}>`;
  });
}
