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

/** Entries recur in every question: their normalised words are computed once. */
const entryCache = new Map<string, { words: string; prefix: boolean }>();

function entryWords(entry: string): { words: string; prefix: boolean } {
  const known = entryCache.get(entry);
  if (known) return known;
  const prefix = entry.endsWith('*');
  const parsed = { words: normalizeForTerms(prefix ? entry.slice(0, -1) : entry).trimEnd(), prefix };
  if (entryCache.size > 50_000) entryCache.clear();
  entryCache.set(entry, parsed);
  return parsed;
}

function matches(normalized: string, entry: string): boolean {
  const { words, prefix } = entryWords(entry);
  return prefix ? normalized.includes(words) : normalized.includes(`${words} `);
}

/** The question's words an entry covers: its own words, or the words a prefix entry starts. */
function coveredWords(questionWords: readonly string[], entry: string): string[] {
  const { words, prefix } = entryWords(entry);
  const parts = words.trim().split(' ');
  return prefix
    ? questionWords.filter((w) => parts.length === 1 && w.startsWith(parts[0] ?? ''))
    : questionWords.filter((w) => parts.includes(w));
}

/** One idea of a question: the words that may express it in a source. */
export interface Concept {
  terms: string[];
}

export interface SynonymIndex {
  /** The terms of every group one of whose terms occurs in `text`, without the terms `text` already has. */
  expand(text: string): string[];
  /**
   * The ideas of `text`: one per synonym group it mentions (all the group's terms and the question's own
   * words for it) and one per remaining word that `ignore` does not drop.
   */
  concepts(text: string, ignore: (word: string) => boolean): Concept[];
}

export function synonymIndex(list: SynonymList): SynonymIndex {
  const matchedGroups = (normalized: string) =>
    list.groups.filter((group) => group.some((entry) => matches(normalized, entry)));
  return {
    expand(text) {
      const normalized = normalizeForTerms(text);
      const added = new Set<string>();
      for (const group of matchedGroups(normalized)) {
        for (const entry of group) {
          if (!entry.endsWith('*') && !matches(normalized, entry)) added.add(entry);
        }
      }
      return [...added];
    },
    concepts(text, ignore) {
      const normalized = normalizeForTerms(text);
      const words = normalized.trim().split(' ').filter(Boolean);
      const covered = new Set<string>();
      const concepts: Concept[] = [];
      for (const group of matchedGroups(normalized)) {
        const own = group
          .filter((entry) => matches(normalized, entry))
          .flatMap((e) => coveredWords(words, e));
        for (const w of own) covered.add(w);
        const terms = [...group.filter((e) => !e.endsWith('*')), ...own];
        concepts.push({ terms: [...new Set(terms)] });
      }
      for (const w of new Set(words)) {
        if (!covered.has(w) && !ignore(w)) concepts.push({ terms: [w] });
      }
      return concepts;
    },
  };
}
