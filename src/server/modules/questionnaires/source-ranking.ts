import type { Concept } from '../../../formats/questionnaire-synonyms.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import { combinedScore, coverage, coverageBounds } from './retrieval-score.js';

export const SOURCES_KEPT = 3;

/** What is known of one question while its sources are ranked. */
export interface QuestionMatches {
  question: string;
  concepts: Concept[];
  /** Per concept: source index → the index of the concept query (one per language) that matched it. */
  matched: Map<number, number>[];
  /** Per concept: source index → ts_rank_cd of the match, once fetched. */
  ranks: Map<number, number>[];
}

export interface Scored {
  doc: KnowledgeDoc;
  score: number;
}

/**
 * Which sources of a question need their ranks fetched. A source that matches none of the question's concepts
 * and shares no trigram with it scores 0 and is never kept, so the candidates are the matched sources and those
 * the trigram index returns. Of these, a source whose highest possible score is below the third-highest lowest
 * possible score of any candidate cannot be among the best three, and is left unranked.
 */
export class SourceRanking {
  readonly idf: number[];
  readonly candidates: number[];
  readonly threshold: number;
  readonly toRank: number[];

  constructor(
    readonly m: QuestionMatches,
    private readonly docs: KnowledgeDoc[],
    private readonly similarity: Map<number, number>,
  ) {
    this.idf = m.matched.map((perDoc) => Math.log(1 + docs.length / (1 + perDoc.size)));
    const candidates = new Set(similarity.keys());
    for (const perDoc of m.matched) for (const di of perDoc.keys()) candidates.add(di);
    this.candidates = [...candidates];
    const bounds = this.candidates.map((di) => {
      const { lower, upper } = coverageBounds(
        m.matched.map((perDoc, ci) => ({ idf: this.idf[ci] ?? 0, matched: perDoc.has(di) })),
      );
      const sim = similarity.get(di) ?? 0;
      const weight = docs[di]?.weight ?? 0;
      return {
        di,
        lower: combinedScore({ coverage: Math.max(0, lower), similarity: sim, weight }),
        upper: combinedScore({ coverage: upper, similarity: sim, weight }),
      };
    });
    const lowers = bounds.map((b) => b.lower).sort((a, b) => b - a);
    this.threshold =
      lowers.length < SOURCES_KEPT ? Number.NEGATIVE_INFINITY : (lowers[SOURCES_KEPT - 1] ?? 0);
    this.toRank = bounds.filter((b) => b.upper >= this.threshold).map((b) => b.di);
  }

  /** The exact score of a source whose matches are all ranked: the scoring every source would get. */
  private score(di: number): number {
    return combinedScore({
      coverage: coverage(
        this.m.ranks.map((perDoc, ci) => ({ idf: this.idf[ci] ?? 0, rank: perDoc.get(di) ?? 0 })),
      ),
      similarity: this.similarity.get(di) ?? 0,
      weight: this.docs[di]?.weight ?? 0,
    });
  }

  /**
   * The best sources among `ranked`, or undefined when the bounds did not hold (fewer than three of them
   * reach the threshold, which only a match ranked 0 could cause): then every candidate must be ranked.
   */
  best(ranked: readonly number[]): Scored[] | undefined {
    const scored = ranked.flatMap((di) => {
      const doc = this.docs[di];
      return doc ? [{ doc, score: this.score(di) }] : [];
    });
    const complete = ranked.length === this.candidates.length;
    if (!complete && scored.filter((s) => s.score >= this.threshold).length < SOURCES_KEPT) return undefined;
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id))
      .slice(0, SOURCES_KEPT);
  }
}
