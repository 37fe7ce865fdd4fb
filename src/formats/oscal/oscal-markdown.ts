import type { PartNode } from './oscal-parts.js';

/** Renders prose (OSCAL prose is already Markdown) after its inserts are replaced. */
export type ProseRenderer = (prose: string, path: string) => string;

/** `1.` at the start of a list item would open a nested ordered list; `a.` and `(a)` are safe. */
function escapeLabel(label: string): string {
  return label.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+*#>])/, '\\$1');
}

function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line.trim() === '' ? '' : `${pad}${line}`));
}

function listItem(part: PartNode, level: number, prose: ProseRenderer): string[] {
  const pad = ' '.repeat(level * 2);
  const head = [part.label ? escapeLabel(part.label) : '', part.title ? `**${part.title}**` : '']
    .filter(Boolean)
    .join(' ');
  const body = part.prose ? prose(part.prose, part.path) : '';
  const [first = '', ...rest] = body.split('\n');
  const lines = [`${pad}- ${[head, first.trimStart()].filter(Boolean).join(' ')}`.trimEnd()];
  if (rest.length > 0) lines.push(...indent(rest.join('\n'), level * 2 + 2));
  for (const child of part.parts) lines.push(...listItem(child, level + 1, prose));
  return lines;
}

/** A statement: its own prose, then its items as a nested list keeping their labels (`a.`, `1.`, `(a)`). */
export function renderStatement(part: PartNode, prose: ProseRenderer): string {
  const blocks: string[] = [];
  if (part.prose) blocks.push(prose(part.prose, part.path));
  if (part.parts.length > 0) blocks.push(part.parts.flatMap((p) => listItem(p, 0, prose)).join('\n'));
  return blocks.join('\n\n');
}

/**
 * Guidance-like text: the part's prose, then sub-parts as paragraphs (titled when they have a title or label)
 * or, for labelled items, as a list.
 */
export function renderSection(part: PartNode, prose: ProseRenderer): string {
  const blocks: string[] = [];
  if (part.prose) blocks.push(prose(part.prose, part.path));
  for (const child of part.parts) {
    if (child.name === 'item') {
      blocks.push(listItem(child, 0, prose).join('\n'));
      continue;
    }
    const heading = child.title ?? child.label;
    const text = renderSection(child, prose);
    blocks.push(heading ? `**${heading}**${text ? `\n\n${text}` : ''}` : text);
  }
  return blocks.filter(Boolean).join('\n\n');
}

/** `assessment-objective` → `Assessment objective`. */
export function partHeading(part: PartNode): string {
  if (part.title) return part.title;
  if (part.label) return part.label;
  const words = part.name.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
