import { type ConfidenceTier, confidenceThresholds } from '../../../contracts/questionnaires.js';

/** PostgreSQL text search configurations Tillit ranks with, by the language codes FAQ sections use. */
export type TextSearchConfig = 'english' | 'swedish' | 'norwegian';

export function textSearchConfig(language: string): TextSearchConfig {
  const code = language.toLowerCase().slice(0, 2);
  if (code === 'sv') return 'swedish';
  if (code === 'nb' || code === 'nn' || code === 'no') return 'norwegian';
  return 'english';
}

/**
 * Question words of the three languages. The question is stemmed in the language of each source it is
 * compared with, so words the other languages would drop as stopwords are dropped here first.
 */
const QUESTION_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from has have how if in is it of on or our please ' +
    'provide describe explain that the their there this to we what when where which who will with would you your ' +
    'any all also been being does did offer offers use used using perform performed have any such ' +
    'att av de den det du där eller en er ett finns för har hur i ja med ni nej och om på som till under ' +
    'var vad vem vilka vilken vilket vår våra är ange beskriv erbjuder använder genomför tillhandahåller ' +
    'kräver krävs får kan ska sker görs hos era ert er oss vi snabbt också alla något några ' +
    'at av dere deres det du eller en er et for fra har hva hvem hvilke hvilken hvis hvor hvordan i ' +
    'ja med nei og om på skal som til vi vår våre å oppgi beskriv tilbyr bruker gjennomfører krever ' +
    'kan får gjøres skjer hos dere deres oss raskt også alle noen noe'
  ).split(' '),
);

export const isQuestionWord = (word: string): boolean => QUESTION_WORDS.has(word);

/** A concept of the question matched in a source: how rare it is, and whether it hit the title. */
export interface ConceptMatch {
  /** ln(1 + N / (1 + sources matching the concept)): rare ideas count for more. */
  idf: number;
  /** ts_rank_cd(..., 32) of the concept's query against the source; 0 when it does not match. */
  rank: number;
}

/**
 * The share of the question's ideas the source covers, weighted by rarity; a match in the title counts
 * fully, one in the body a little less.
 */
export function coverage(matches: readonly ConceptMatch[]): number {
  let total = 0;
  let covered = 0;
  for (const { idf, rank } of matches) {
    total += idf;
    if (rank > 0) covered += idf * (BODY_MATCH + (1 - BODY_MATCH) * Math.min(1, rank * TITLE_RANK_SCALE));
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * The least and the most `coverage` can be when it is known which concepts a source matches but not how they
 * rank (a match ranks above 0, so it counts at least BODY_MATCH and at most fully), widened by a hair so that
 * rounding never puts the exact value outside.
 */
export function coverageBounds(matches: readonly { idf: number; matched: boolean }[]): {
  lower: number;
  upper: number;
} {
  let total = 0;
  let matched = 0;
  for (const m of matches) {
    total += m.idf;
    if (m.matched) matched += m.idf;
  }
  if (total === 0) return { lower: 0, upper: 0 };
  return { lower: (matched * BODY_MATCH) / total - 1e-9, upper: matched / total + 1e-9 };
}

/** A concept found only in a source's body counts this much; found in its title (weight A), fully. */
const BODY_MATCH = 0.7;
/** ts_rank_cd(…, 32) of a title match is about 0.5. */
const TITLE_RANK_SCALE = 2;

export interface ScoreParts {
  /** `coverage` of the question's concepts by the source. */
  coverage: number;
  /** Trigram similarity of the question and the source's own question or title. */
  similarity: number;
  /** 1 for FAQ answers; less for controls (more for implemented ones) and policy excerpts. */
  weight: number;
}

export function combinedScore({ coverage: covered, similarity, weight }: ScoreParts): number {
  return Math.round(Math.max(covered, similarity) * weight * 1000) / 1000;
}

/** The tier of a score; null below the lowest threshold, where no answer is proposed. */
export function confidenceTier(score: number): ConfidenceTier | null {
  if (score >= confidenceThresholds.high) return 'high';
  if (score >= confidenceThresholds.medium) return 'medium';
  if (score >= confidenceThresholds.low) return 'low';
  return null;
}
