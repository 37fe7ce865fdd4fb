import { z } from 'zod';
import { frontMatterSchema, HugoFormatError, parseFrontMatter } from './hugo-front-matter.js';

export { HugoFormatError } from './hugo-front-matter.js';

export const HUGO_FAQ_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_SECTION = 'General';

const skippedSchema = z.strictObject({
  line: z.number().int().positive(),
  kind: z.enum(['shortcode', 'html', 'heading', 'text']),
  text: z.string(),
});
export const hugoFaqPageSchema = z.strictObject({
  frontMatter: frontMatterSchema,
  /** The front matter as written (between the --- lines), kept so an export can give it back unchanged. */
  frontMatterText: z.string(),
  /** The page's text before the FAQ block (before the first section heading or question), as written. */
  preamble: z.string(),
  /** The page's text after the last question, as written (closing tags of the FAQ block left out). */
  epilogue: z.string(),
  language: z.string().min(2).max(16),
  sections: z.array(
    z.strictObject({
      title: z.string().min(1).max(200),
      entries: z.array(
        z.strictObject({ question: z.string().min(1).max(500), answer: z.string().max(20_000) }),
      ),
    }),
  ),
  skipped: z.array(skippedSchema),
});
export type HugoFaqPage = z.infer<typeof hugoFaqPageSchema>;
export type SkippedItem = z.infer<typeof skippedSchema>;

const QUESTION_OPEN = /^\s*\{\{%\s*question\s+question="((?:[^"\\]|\\.)*)"\s*%\}\}(.*)$/;
const QUESTION_CLOSE = /\{\{%\s*\/question\s*%\}\}/;
const ANY_QUESTION_OPEN = /\{\{%\s*question\b/;
const SHORTCODE_LINE = /^\s*\{\{[<%].*[>%]\}\}\s*$/;
/** Inside answers only lines made of tags alone are dropped; outside, any line starting with a tag. */
const HTML_LINE = /^\s*(<\/?[a-zA-Z][^>]*>\s*)+$/;
const STARTS_WITH_HTML = /^\s*<[/!]?[a-zA-Z]/;
const SECTION_HEADING = /^## +(.+?)\s*#*\s*$/;
const CLOSING_TAGS = /^\s*(<\/[a-zA-Z][^>]*>\s*)+$/;
const OTHER_HEADING = /^#{1,6}\s/;

/** Undoes the escaping of the exporter: `\"` and `\\` in the question attribute. */
function unescapeAttribute(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** Undoes the exporter's neutralising of `{{` (see hugo-export.ts). */
export function restoreBraces(text: string): string {
  return text.replaceAll('&#123;&#123;', '{{').replaceAll('&amp;#123;', '&#123;');
}

function dedent(lines: string[]): string {
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
}

function splitFrontMatter(lines: string[]): { yaml: string; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { yaml: '', bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0)
    throw new HugoFormatError('Front matter starts with --- on line 1 but has no closing --- line');
  return { yaml: lines.slice(1, end).join('\n'), bodyStart: end + 1 };
}

interface OpenEntry {
  question: string;
  line: number;
  lines: string[];
}

class PageBuilder {
  readonly sections: HugoFaqPage['sections'] = [];
  readonly skipped: SkippedItem[] = [];
  private open: OpenEntry | undefined;

  skip(line: number, kind: SkippedItem['kind'], text: string): void {
    this.skipped.push({ line, kind, text: text.trim().slice(0, 200) });
  }

  section(title: string): void {
    this.sections.push({ title, entries: [] });
  }

  startEntry(question: string, line: number, rest: string): void {
    if (question.trim() === '') throw new HugoFormatError(`Line ${line}: the question attribute is empty`);
    this.open = { question: question.trim(), line, lines: [] };
    this.answerLine(rest, line);
  }

  answerLine(text: string, line: number): void {
    const entry = this.open;
    if (!entry) return;
    const close = QUESTION_CLOSE.exec(text);
    const content = close ? text.slice(0, close.index) : text;
    if (ANY_QUESTION_OPEN.test(content)) {
      throw new HugoFormatError(
        `Line ${line}: a question starts inside the question opened on line ${entry.line}`,
      );
    }
    if (SHORTCODE_LINE.test(content)) this.skip(line, 'shortcode', content);
    else if (HTML_LINE.test(content)) this.skip(line, 'html', content);
    else entry.lines.push(content);
    if (close) {
      this.finishEntry();
      const after = text.slice(close.index + close[0].length);
      if (after.trim() !== '') this.skip(line, HTML_LINE.test(after) ? 'html' : 'text', after);
    }
  }

  private finishEntry(): void {
    const entry = this.open;
    if (!entry) return;
    if (this.sections.length === 0) this.section(DEFAULT_SECTION);
    this.sections
      .at(-1)
      ?.entries.push({ question: entry.question, answer: restoreBraces(dedent(entry.lines)) });
    this.open = undefined;
  }

  get openEntry(): OpenEntry | undefined {
    return this.open;
  }
}

function skippedKind(text: string): SkippedItem['kind'] {
  if (OTHER_HEADING.test(text)) return 'heading';
  if (SHORTCODE_LINE.test(text)) return 'shortcode';
  return STARTS_WITH_HTML.test(text) ? 'html' : 'text';
}

function bodyLine(page: PageBuilder, text: string, line: number): void {
  if (page.openEntry) {
    page.answerLine(text, line);
    return;
  }
  const opening = QUESTION_OPEN.exec(text);
  if (opening) {
    page.startEntry(restoreBraces(unescapeAttribute(opening[1] ?? '')), line, opening[2] ?? '');
    return;
  }
  if (ANY_QUESTION_OPEN.test(text)) {
    throw new HugoFormatError(`Line ${line}: a question shortcode needs question="…" and a closing %}}`);
  }
  if (QUESTION_CLOSE.test(text))
    throw new HugoFormatError(`Line ${line}: {{% /question %}} without an opening`);
  const heading = SECTION_HEADING.exec(text);
  if (heading?.[1]) page.section(heading[1]);
  else if (text.trim() !== '') page.skip(line, skippedKind(text), text);
}

/**
 * Reads a Hugo FAQ page: YAML front matter, `## ` sections and `{{% question question="…" %}}` entries with
 * Markdown answers. Everything else (other shortcodes, raw HTML, loose text) is left out and listed in `skipped`.
 */
export function parseHugoFaq(source: string | Buffer): HugoFaqPage {
  const size = typeof source === 'string' ? Buffer.byteLength(source) : source.length;
  if (size > HUGO_FAQ_MAX_BYTES) {
    throw new HugoFormatError(`The file is ${size} bytes; a Hugo FAQ page may be at most 2 MiB`);
  }
  const text = (typeof source === 'string' ? source : source.toString('utf8')).replace(/^\uFEFF/, '');
  if (text.includes('\u0000'))
    throw new HugoFormatError('The file contains NUL bytes; it is not a text file');
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { yaml, bodyStart } = splitFrontMatter(lines);
  const frontMatter = parseFrontMatter(yaml, 2);
  const page = new PageBuilder();
  for (let i = bodyStart; i < lines.length; i++) bodyLine(page, lines[i] ?? '', i + 1);
  const open = page.openEntry;
  if (open) {
    throw new HugoFormatError(`Line ${open.line}: the question "${open.question}" has no {{% /question %}}`);
  }
  const language = typeof frontMatter.language === 'string' ? frontMatter.language : 'en';
  const body = lines.slice(bodyStart);
  const blockStart = body.findIndex((l) => SECTION_HEADING.test(l) || QUESTION_OPEN.test(l));
  const lastClose = body.findLastIndex((l) => QUESTION_CLOSE.test(l));
  const after = body.slice(lastClose + 1);
  const firstOwn = after.findIndex((l) => l.trim() !== '' && !CLOSING_TAGS.test(l));
  const result = hugoFaqPageSchema.safeParse({
    frontMatter,
    frontMatterText: yaml,
    preamble: (blockStart < 0 ? '' : body.slice(0, blockStart).join('\n')).trim(),
    epilogue: lastClose < 0 || firstOwn < 0 ? '' : after.slice(firstOwn).join('\n').trim(),
    language,
    sections: page.sections.filter((s) => s.entries.length > 0),
    skipped: page.skipped,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HugoFormatError(`The page does not fit: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return result.data;
}
