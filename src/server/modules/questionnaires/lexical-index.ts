/**
 * The in-memory word index proposals search: per source, the stemmed words of its title (the FAQ question,
 * control or policy heading) and of its text with their positions, and per language the sources holding each
 * word. Built from the stored vectors (knowledge-index.repository.ts), so stemming stays PostgreSQL's.
 */

/** Text as the index reads it: `/`, `\`, hyphens and dashes split words, so `IPS/IDS` is two words,
 * `ISO/IEC 27001` three and a hyphenated compound (`IT-säkerhet`, `SLA-avtal`) its parts. */
export function searchText(text: string): string {
  return text.replace(/\s*[/\\\u2010-\u2015-]+\s*/g, ' ');
}

/** A term stemmed in one language: its words in order, with their positions relative to the first. */
export interface StemmedTerm {
  lexemes: string[];
  offsets: number[];
}

export type Field = 'title' | 'text';

interface SourceWords {
  config: string;
  /** Stemmed word → its positions (title words come first, up to `titleEnd`). */
  positions: Map<string, number[]>;
  titleEnd: number;
  /** Stemmed words of the text, counted with repeats: what BM25 calls the document length. */
  textLength: number;
}

/**
 * Parses PostgreSQL's text form of a tsvector (`'word':1A,4 'other':7`) into positions; weight A marks the
 * title. A word without positions (stripped) counts as a text word.
 */
export function parseVector(vector: string): {
  positions: Map<string, number[]>;
  titleEnd: number;
  length: number;
} {
  const positions = new Map<string, number[]>();
  let titleEnd = 0;
  let length = 0;
  for (const m of vector.matchAll(/'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g)) {
    const word = (m[1] ?? '').replaceAll("''", "'");
    const list: number[] = [];
    for (const p of (m[2] ?? '').split(',')) {
      if (p === '') continue;
      const n = Number.parseInt(p, 10);
      list.push(n);
      if (p.endsWith('A')) titleEnd = Math.max(titleEnd, n);
    }
    positions.set(word, list);
  }
  for (const list of positions.values()) length += list.filter((p) => p > titleEnd).length;
  return { positions, titleEnd, length };
}

export class LexicalIndex {
  private readonly sources: (SourceWords | undefined)[];
  /** Language → stemmed word → the sources holding it, in source order. */
  private readonly postings = new Map<string, Map<string, number[]>>();
  readonly averageTextLength: number;

  /** `vectors[i]` is source i's stored vector and language; undefined when it has none. */
  constructor(vectors: ({ config: string; vector: string } | undefined)[]) {
    this.sources = vectors.map((v) => {
      if (!v) return undefined;
      const parsed = parseVector(v.vector);
      return {
        config: v.config,
        positions: parsed.positions,
        titleEnd: parsed.titleEnd,
        textLength: parsed.length,
      };
    });
    let total = 0;
    this.sources.forEach((s, i) => {
      if (!s) return;
      total += s.textLength;
      let words = this.postings.get(s.config);
      if (!words) {
        words = new Map();
        this.postings.set(s.config, words);
      }
      for (const word of s.positions.keys()) {
        const list = words.get(word);
        if (list) list.push(i);
        else words.set(word, [i]);
      }
    });
    this.averageTextLength = Math.max(1, total / Math.max(1, this.sources.filter(Boolean).length));
  }

  get size(): number {
    return this.sources.length;
  }

  textLength(source: number): number {
    return this.sources[source]?.textLength ?? 0;
  }

  /**
   * The sources of `config` where the term occurs, with the field it occurs in (the title when it occurs in
   * both): every word of a term of several words must follow at the same distance as in the term.
   */
  match(config: string, term: StemmedTerm): Map<number, Field> {
    const found = new Map<number, Field>();
    const words = this.postings.get(config);
    const [first, ...rest] = term.lexemes;
    if (!words || first === undefined) return found;
    let candidates = words.get(first) ?? [];
    for (const word of rest) {
      const others = new Set(words.get(word) ?? []);
      candidates = candidates.filter((i) => others.has(i));
    }
    for (const i of candidates) {
      const source = this.sources[i];
      if (!source) continue;
      let field: Field | undefined;
      for (const start of source.positions.get(first) ?? []) {
        const inPhrase = term.lexemes.every((word, k) =>
          (source.positions.get(word) ?? []).includes(start + (term.offsets[k] ?? 0)),
        );
        if (!inPhrase) continue;
        field = start <= source.titleEnd ? 'title' : 'text';
        if (field === 'title') break;
      }
      if (field) found.set(i, field);
    }
    return found;
  }
}
