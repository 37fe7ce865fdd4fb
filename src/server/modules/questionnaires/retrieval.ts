import { sql } from 'kysely';
import type { AnswerSource, ConfidenceTier } from '../../../contracts/questionnaires.js';
import {
  type Concept,
  loadSynonymList,
  type SynonymIndex,
  synonymIndex,
} from '../../../formats/questionnaire-synonyms.js';
import { setSimilarity, trigrams } from '../../../formats/text-trigrams.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import { combinedScore, confidenceTier, coverage, isQuestionWord } from './retrieval-score.js';

export interface Proposal {
  score: number;
  tier: ConfidenceTier | null;
  /** The best source's text when the tier is at least low; null means: leave it to a person. */
  answer: string | null;
  /** Best first, at most three. */
  sources: AnswerSource[];
}

const SOURCES_KEPT = 3;
const EXCERPT_LENGTH = 300;
/** Questions ranked per statement: bounds the size of one query. */
const BATCH = 50;

let synonyms: SynonymIndex | undefined;
const shippedSynonyms = (): SynonymIndex => {
  synonyms ??= synonymIndex(loadSynonymList());
  return synonyms;
};

interface ConceptRow {
  qi: number;
  ci: number;
  di: number;
  rank: number;
}

/**
 * Which sources each concept of each question matches, in the source's language: each term of a concept
 * becomes a phrase query of its stemmed words (phraseto_tsquery, so "data centre" needs both words in a
 * row), the terms are OR-ed, and ts_rank_cd ranks the source (title weight A, answer weight D). Only
 * matching pairs come back.
 */
async function conceptMatches(
  ctx: ServiceContext,
  concepts: { qi: number; ci: number; terms: string[] }[],
  docs: KnowledgeDoc[],
): Promise<ConceptRow[]> {
  const docJson = JSON.stringify(docs.map((d, i) => ({ i, cfg: d.config, title: d.title, body: d.answer })));
  const result = await sql<ConceptRow>`
    WITH d AS MATERIALIZED (
      SELECT (x->>'i')::int AS i, x->>'cfg' AS cfg,
        setweight(to_tsvector((x->>'cfg')::regconfig, x->>'title'), 'A') ||
        setweight(to_tsvector((x->>'cfg')::regconfig, x->>'body'), 'D') AS v
      FROM jsonb_array_elements(${docJson}::jsonb) x
    ), c AS MATERIALIZED (
      SELECT (x->>'qi')::int AS qi, (x->>'ci')::int AS ci, l.cfg,
        (SELECT string_agg('(' || p::text || ')', ' | ')
           FROM (SELECT phraseto_tsquery(l.cfg::regconfig, t) AS p FROM jsonb_array_elements_text(x->'terms') t) s
           WHERE numnode(p) > 0)::tsquery AS query
      FROM jsonb_array_elements(${JSON.stringify(concepts)}::jsonb) x
      CROSS JOIN (VALUES ('english'), ('swedish'), ('norwegian')) l(cfg)
    )
    SELECT c.qi, c.ci, d.i AS di, ts_rank_cd(d.v, c.query, 32) AS rank
    FROM c JOIN d ON d.cfg = c.cfg
    WHERE c.query IS NOT NULL AND d.v @@ c.query`.execute(ctx.db);
  return result.rows.map((r) => ({
    qi: Number(r.qi),
    ci: Number(r.ci),
    di: Number(r.di),
    rank: Number(r.rank),
  }));
}

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

function sourceOf(doc: KnowledgeDoc, score: number): AnswerSource {
  return { type: doc.type, id: doc.id, title: doc.title, ref: doc.ref, score, excerpt: excerpt(doc.answer) };
}

interface QuestionMatches {
  concepts: Concept[];
  /** Per concept: source index → rank. */
  ranks: Map<number, number>[];
}

function scoreDocs(question: string, m: QuestionMatches, docs: KnowledgeDoc[], docTrigrams: Set<string>[]) {
  const idf = m.ranks.map((perDoc) => Math.log(1 + docs.length / (1 + perDoc.size)));
  const own = trigrams(question);
  return docs
    .map((doc, di) => ({
      doc,
      score: combinedScore({
        coverage: coverage(m.ranks.map((perDoc, ci) => ({ idf: idf[ci] ?? 0, rank: perDoc.get(di) ?? 0 }))),
        similarity: setSimilarity(own, docTrigrams[di] ?? new Set()),
        weight: doc.weight,
      }),
    }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id))
    .slice(0, SOURCES_KEPT);
}

async function proposeBatch(
  ctx: ServiceContext,
  questions: string[],
  docs: KnowledgeDoc[],
  docTrigrams: Set<string>[],
): Promise<Proposal[]> {
  const index = shippedSynonyms();
  const perQuestion: QuestionMatches[] = questions.map((q) => {
    const concepts = index.concepts(q, isQuestionWord);
    return { concepts, ranks: concepts.map(() => new Map<number, number>()) };
  });
  const flat = perQuestion.flatMap((m, qi) => m.concepts.map((c, ci) => ({ qi, ci, terms: c.terms })));
  for (const r of await conceptMatches(ctx, flat, docs)) {
    const ranks = perQuestion[r.qi]?.ranks[r.ci];
    if (ranks) ranks.set(r.di, Math.max(ranks.get(r.di) ?? 0, r.rank));
  }
  return questions.map((question, qi) => {
    const best = scoreDocs(question, perQuestion[qi] as QuestionMatches, docs, docTrigrams);
    const top = best[0];
    const score = top?.score ?? 0;
    const tier = confidenceTier(score);
    return {
      score,
      tier,
      answer: tier && top ? top.doc.answer : null,
      sources: best.map((c) => sourceOf(c.doc, c.score)),
    };
  });
}

/** A proposal per question, in order, from `docs` only; never text that is not a source's own. */
export async function proposeAnswers(
  ctx: ServiceContext,
  questions: string[],
  docs: KnowledgeDoc[],
): Promise<Proposal[]> {
  if (docs.length === 0) return questions.map(() => ({ score: 0, tier: null, answer: null, sources: [] }));
  const docTrigrams = docs.map((d) => trigrams(d.title));
  const proposals: Proposal[] = [];
  for (let i = 0; i < questions.length; i += BATCH) {
    proposals.push(...(await proposeBatch(ctx, questions.slice(i, i + BATCH), docs, docTrigrams)));
  }
  return proposals;
}
