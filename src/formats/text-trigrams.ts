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

/**
 * An inverted index of many texts' trigrams: for a query's trigram set it finds every text sharing at least one
 * trigram, and their similarity, by walking only the query's posting lists. Texts it does not return have
 * similarity 0, so a caller that ranks by similarity loses nothing by looking only at these.
 */
export class TrigramIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[];

  constructor(texts: readonly string[]) {
    this.sizes = texts.map((text, i) => {
      const set = trigrams(text);
      for (const t of set) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
      return set.size;
    });
  }

  /** Text index → `setSimilarity(query, the text's trigrams)`, for every text with a similarity above 0. */
  similarities(query: ReadonlySet<string>): Map<number, number> {
    const shared = new Map<number, number>();
    for (const t of query)
      for (const i of this.postings.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const out = new Map<number, number>();
    for (const [i, n] of shared) out.set(i, n / (query.size + (this.sizes[i] ?? 0) - n));
    return out;
  }
}
