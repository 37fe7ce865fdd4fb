import {
  type ConfidenceTier,
  confidenceThresholds,
  type ProposalExplanation,
} from '../../../contracts/questionnaires.js';
import { normalizeForTerms, type SynonymIndex } from '../../../formats/questionnaire-synonyms.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import { SEARCH_CONFIGS } from './knowledge-index.repository.js';
import type { Field, LexicalIndex, StemmedTerm } from './lexical-index.js';
import {
  AUDIENCE_WEIGHT,
  GENERIC_WEIGHT,
  idf,
  isGenericWord,
  isQuestionWord,
  MIN_MARGIN,
  textMatch,
  UNKNOWN_WEIGHT,
} from './retrieval-score.js';

export const SOURCES_KEPT = 3;

/** One idea of a question: the terms that may express it in a source. */
export interface QuestionConcept {
  terms: string[];
  /** The question's own words for it. */
  own: string[];
  /** The synonym group it comes from, named by its first term; null for a word of the question alone. */
  group: string | null;
  /** Only generic words of the question express it ("security", "data"): it counts for little. */
  generic: boolean;
}

/** A term's words as the question is compared with them; terms recur in every question. */
const termWords = new Map<string, string>();
function wordsOf(term: string): string {
  let words = termWords.get(term);
  if (words === undefined) {
    words = normalizeForTerms(term).trim();
    if (termWords.size > 50_000) termWords.clear();
    termWords.set(term, words);
  }
  return words;
}

export function questionConcepts(synonyms: SynonymIndex, question: string): QuestionConcept[] {
  const normalized = normalizeForTerms(question);
  return synonyms.concepts(question, isQuestionWord).map((c) => {
    const own = c.terms.filter((t) => normalized.includes(` ${wordsOf(t)} `));
    const ownWords = own.flatMap((t) => wordsOf(t).split(' '));
    // A group lists the question's own words it covers as terms of their own; single ones that are question
    // or generic words ("where", "data" of "where is my data stored") would match nearly every source.
    const terms =
      c.terms.length > 1
        ? c.terms.filter((t) => t.includes(' ') || !(isQuestionWord(t) || isGenericWord(t)))
        : c.terms;
    return {
      terms,
      own,
      group: c.terms.length > 1 ? (c.terms[0] ?? null) : null,
      generic:
        (ownWords.length > 0 && ownWords.every(isGenericWord)) ||
        (c.terms.length > 1 && isGenericWord(c.terms[0] ?? '')),
    };
  });
}

interface ConceptMatch {
  field: Field;
  /** The term found. */
  term: string;
}

/** Index → concept terms → the sources each concept matches: concepts recur across questions. */
const matchCache = new WeakMap<LexicalIndex, Map<string, Map<number, ConceptMatch>>>();
const MATCH_CACHE_LIMIT = 20_000;

/** The sources that mention the concept in their own language, with the field and the term found. */
function conceptMatches(
  index: LexicalIndex,
  docs: KnowledgeDoc[],
  concept: QuestionConcept,
  stem: (config: string, term: string) => StemmedTerm,
): Map<number, ConceptMatch> {
  let cache = matchCache.get(index);
  if (!cache) {
    cache = new Map();
    matchCache.set(index, cache);
  }
  const key = concept.terms.join('\0');
  const cached = cache.get(key);
  if (cached) return cached;
  const found = new Map<number, ConceptMatch>();
  for (const config of SEARCH_CONFIGS) {
    for (const term of concept.terms) {
      for (const [di, field] of index.match(config, stem(config, term))) {
        if (docs[di]?.config !== config) continue;
        const known = found.get(di);
        if (!known || (known.field === 'text' && field === 'title')) found.set(di, { field, term });
      }
    }
  }
  if (cache.size >= MATCH_CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

export interface Ranked {
  doc: KnowledgeDoc;
  score: number;
  /** Per concept of the question, how the source matched it. */
  matches: (ConceptMatch | undefined)[];
  /** The rarity-weighted share of the question's ideas the source covers, before the source's weight. */
  coverage: number;
}

const TYPE_ORDER = { faq: 0, control: 1, policy: 2 } as const;

/** Best first; ties go to the public FAQ answer, then by title and reference, never by a random id first. */
function compare(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score ||
    TYPE_ORDER[a.doc.type] - TYPE_ORDER[b.doc.type] ||
    a.doc.title.localeCompare(b.doc.title, 'en') ||
    (a.doc.ref ?? '').localeCompare(b.doc.ref ?? '', 'en') ||
    (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0)
  );
}

/**
 * The best sources for a question: BM25-like scoring over two fields. Each idea of the question weighs its
 * rarity in the knowledge base (generic words little, words no source holds half the rarest); a source scores
 * the weighted share of the ideas it mentions, fully when its title (the FAQ question) does, less when only its
 * text does (the longer the text, the less), times its type's and audience's weight.
 */
export function rankSources(
  kb: { docs: KnowledgeDoc[]; index: LexicalIndex },
  concepts: QuestionConcept[],
  stem: (config: string, term: string) => StemmedTerm,
  allowed: (doc: KnowledgeDoc) => boolean,
): Ranked[] {
  const n = kb.docs.length;
  const matches = concepts.map((c) => conceptMatches(kb.index, kb.docs, c, stem));
  const weights = matches.map((m, ci) => {
    const w = m.size > 0 ? idf(n, m.size) : idf(n, 0) * UNKNOWN_WEIGHT;
    return concepts[ci]?.generic ? w * GENERIC_WEIGHT : w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const candidates = new Set<number>();
  for (const m of matches) for (const di of m.keys()) candidates.add(di);
  // The best SOURCES_KEPT, kept in order while scanning: a full sort of every candidate costs more than the
  // scoring when a common word matches thousands of sources.
  const best: Ranked[] = [];
  for (const di of candidates) {
    const doc = kb.docs[di];
    if (!doc || !allowed(doc)) continue;
    const text = textMatch(kb.index.textLength(di), kb.index.averageTextLength);
    let covered = 0;
    matches.forEach((m, ci) => {
      const match = m.get(di);
      if (match) covered += (weights[ci] ?? 0) * (match.field === 'title' ? 1 : text);
    });
    const coverage = total === 0 ? 0 : covered / total;
    const score = Math.round(coverage * doc.weight * AUDIENCE_WEIGHT[doc.audience] * 1000) / 1000;
    const last = best[SOURCES_KEPT - 1];
    if (score <= 0 || (last && score < last.score)) continue;
    const ranked = { doc, score, matches: matches.map((m) => m.get(di)), coverage };
    if (last && compare(ranked, last) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(ranked, best[at - 1] as Ranked) < 0) at--;
    best.splice(at, 0, ranked);
    if (best.length > SOURCES_KEPT) best.pop();
  }
  return best;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** Which words matched where, through which synonyms, and (for the first source) why the tier. */
export function explain(
  r: Ranked,
  concepts: QuestionConcept[],
  first: { tier: ConfidenceTier | null; runnerUp: number } | undefined,
): ProposalExplanation {
  const matched = r.matches.flatMap((m, ci) => {
    const c = concepts[ci];
    return m && c ? [{ question: c.own.join(', ') || m.term, source: m.term, field: m.field }] : [];
  });
  const synonymGroups = [
    ...new Set(r.matches.flatMap((m, ci) => (m && concepts[ci]?.group ? [concepts[ci].group] : []))),
  ];
  const missing = r.matches
    .flatMap((m, ci) => (m ? [] : [concepts[ci]?.own.join(', ') ?? '']))
    .filter(Boolean);
  const inTitle = matched.filter((m) => m.field === 'title').length;
  let reason =
    `Mentions ${matched.length} of the question's ${concepts.length} ideas (${inTitle} in its title), ` +
    `${percent(r.coverage)} of their weight; score ${r.score}.`;
  if (first) {
    const t = confidenceThresholds;
    if (first.tier) reason += ` Tier ${first.tier}: the score reaches ${t[first.tier]}.`;
    else if (r.score < t.low) reason += ` No proposal: below ${t.low}.`;
    else
      reason +=
        ` No proposal: below ${t.medium} and within ${MIN_MARGIN} of the next source (${first.runnerUp}), ` +
        'so it would be a guess.';
  }
  return { matched, synonymGroups, missing, reason };
}
