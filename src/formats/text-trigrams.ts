/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it, in TypeScript so it needs no extension: text is
 * lower-cased and split into words of letters and digits; each word is padded with two spaces in front and
 * one behind; its three-character windows form a set; similarity is |A ∩ B| / |A ∪ B|.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().normalize('NFC').match(WORD) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''));
  }
  return set;
}

/** Similarity of two trigram sets, 0 (nothing shared) … 1 (the same set); two empty sets score 0. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's `similarity(a, b)`. */
export function trigramSimilarity(a: string, b: string): number {
  return setSimilarity(trigrams(a), trigrams(b));
}
