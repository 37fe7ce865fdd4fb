import { CST, Lexer, parse } from 'yaml';
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const frontMatterSchema = z.record(z.string(), z.union([scalar, z.array(scalar)]));
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export class HugoFormatError extends Error {
  override name = 'HugoFormatError';
}

const REFUSED_TOKENS: Record<string, string> = {
  anchor: 'anchors (&name)',
  alias: 'aliases (*name)',
  tag: 'tags (!tag)',
};

/** Anchors, aliases and tags are refused before parsing: they allow billion-laughs expansion and type tricks. */
function assertSafeSubset(yamlText: string, firstLine: number): void {
  let offset = 0;
  for (const token of new Lexer().lex(yamlText)) {
    const type = CST.tokenType(token);
    const refused = type ? REFUSED_TOKENS[type] : undefined;
    if (refused) {
      const line = firstLine + yamlText.slice(0, offset).split('\n').length - 1;
      throw new HugoFormatError(`Front matter line ${line}: YAML ${refused} are not supported`);
    }
    offset += token.length;
  }
}

/** A safe subset of YAML: a mapping of scalars and lists of scalars, dates kept as text. */
export function parseFrontMatter(yamlText: string, firstLine: number): FrontMatter {
  assertSafeSubset(yamlText, firstLine);
  let value: unknown;
  try {
    value = parse(yamlText, { schema: 'core', uniqueKeys: true, maxAliasCount: 0, prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new HugoFormatError(`Front matter is not valid YAML: ${reason}`);
  }
  if (value === null || value === undefined) return {};
  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) {
    throw new HugoFormatError(
      'Front matter must be a mapping of plain values (text, numbers, true/false, dates) or lists of them',
    );
  }
  return parsed.data;
}

/** One front-matter value as YAML: strings double-quoted (JSON escaping is valid YAML), UTF-8 kept. */
export function yamlValue(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
