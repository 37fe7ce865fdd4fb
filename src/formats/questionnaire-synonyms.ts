import { readFileSync } from 'node:fs';
import { z } from 'zod';

const term = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(80)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} /-]*\*?$/u,
    'a term is letters, digits, spaces, / and -, with an optional trailing *',
  );

export const synonymListSchema = z.strictObject({
  description: z.string(),
  groups: z.array(z.array(term).min(2).max(40)).min(1).max(500),
});
export type SynonymList = z.infer<typeof synonymListSchema>;

/** The synonym list shipped with Tillit (questionnaire-synonyms.json), validated when first used. */
export function loadSynonymList(
  file: URL = new URL('./questionnaire-synonyms.json', import.meta.url),
): SynonymList {
  return synonymListSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Lower-case words separated by single spaces, with a space at each end, so terms match whole words. */
export function normalizeForTerms(text: string): string {
  const words =
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(' ')} `;
}

function matches(normalized: string, entry: string): boolean {
  const prefix = entry.endsWith('*');
  const words = normalizeForTerms(prefix ? entry.slice(0, -1) : entry).trimEnd();
  return prefix ? normalized.includes(words) : normalized.includes(`${words} `);
}

export interface SynonymIndex {
  /** The terms of every group one of whose terms occurs in `text`, without the terms `text` already has. */
  expand(text: string): string[];
}

export function synonymIndex(list: SynonymList): SynonymIndex {
  return {
    expand(text) {
      const normalized = normalizeForTerms(text);
      const added = new Set<string>();
      for (const group of list.groups) {
        if (!group.some((entry) => matches(normalized, entry))) continue;
        for (const entry of group) {
          if (entry.endsWith('*') || matches(normalized, entry)) continue;
          added.add(entry);
        }
      }
      return [...added];
    },
  };
}
