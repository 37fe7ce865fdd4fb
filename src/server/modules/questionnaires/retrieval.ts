import type { AnswerSource, ConfidenceTier } from '../../../contracts/questionnaires.js';
import { loadSynonymList, type SynonymIndex, synonymIndex } from '../../../formats/questionnaire-synonyms.js';
import { TrigramIndex, trigrams } from '../../../formats/text-trigrams.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import {
  type ConceptQuery,
  conceptQueries,
  matchingSources,
  ranksOf,
  sourceKey,
  syncKnowledgeIndex,
} from './knowledge-index.repository.js';
import { confidenceTier, isQuestionWord } from './retrieval-score.js';
import { type QuestionMatches, SourceRanking } from './source-ranking.js';

export interface Proposal {
  score: number;
  tier: ConfidenceTier | null;
  /** The best source's text when the tier is at least low; null means: leave it to a person. */
  answer: string | null;
  /** Best first, at most three. */
  sources: AnswerSource[];
}

const EXCERPT_LENGTH = 300;
/** Questions ranked per statement: bounds the size of one query. */
const BATCH = 50;

let synonyms: SynonymIndex | undefined;
const shippedSynonyms = (): SynonymIndex => {
  synonyms ??= synonymIndex(loadSynonymList());
  return synonyms;
};

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

function sourceOf(doc: KnowledgeDoc, score: number): AnswerSource {
  return { type: doc.type, id: doc.id, title: doc.title, ref: doc.ref, score, excerpt: excerpt(doc.answer) };
}

interface Prepared {
  docs: KnowledgeDoc[];
  /** Source key → index in `docs`. */
  indexOf: Map<string, number>;
  titles: TrigramIndex;
}

/** Fetches the ranks of every matched concept of the given sources of each ranking. */
async function fetchRanks(
  ctx: ServiceContext,
  kb: Prepared,
  queries: ConceptQuery[],
  wanted: { ranking: SourceRanking; sources: readonly number[] }[],
): Promise<void> {
  const pairs: { ranks: Map<number, number>; di: number; query: string; key: string }[] = [];
  for (const { ranking, sources } of wanted) {
    for (const di of sources) {
      const doc = kb.docs[di];
      if (!doc) continue;
      ranking.m.matched.forEach((perDoc, ci) => {
        const q = perDoc.get(di);
        const query = q === undefined ? undefined : queries[q]?.query;
        const ranks = ranking.m.ranks[ci];
        if (query !== undefined && ranks) pairs.push({ ranks, di, query, key: sourceKey(doc) });
      });
    }
  }
  const ranks = await ranksOf(ctx, pairs);
  pairs.forEach((p, i) => {
    p.ranks.set(p.di, ranks[i] ?? 0);
  });
}

async function proposeBatch(ctx: ServiceContext, questions: string[], kb: Prepared): Promise<Proposal[]> {
  const index = shippedSynonyms();
  const perQuestion: QuestionMatches[] = questions.map((question) => {
    const concepts = index.concepts(question, isQuestionWord);
    return {
      question,
      concepts,
      matched: concepts.map(() => new Map<number, number>()),
      ranks: concepts.map(() => new Map<number, number>()),
    };
  });
  const flat = perQuestion.flatMap((m, qi) => m.concepts.map((c, ci) => ({ qi, ci, terms: c.terms })));
  const queries = await conceptQueries(ctx, flat);
  for (const r of await matchingSources(ctx, queries)) {
    const query = queries[r.q];
    const di = kb.indexOf.get(r.key);
    if (query && di !== undefined) perQuestion[query.qi]?.matched[query.ci]?.set(di, r.q);
  }
  const rankings = perQuestion.map(
    (m) => new SourceRanking(m, kb.docs, kb.titles.similarities(trigrams(m.question))),
  );
  await fetchRanks(
    ctx,
    kb,
    queries,
    rankings.map((ranking) => ({ ranking, sources: ranking.toRank })),
  );
  const results = rankings.map((r) => r.best(r.toRank));
  const unsure = rankings.filter((_, i) => results[i] === undefined);
  if (unsure.length > 0) {
    await fetchRanks(
      ctx,
      kb,
      queries,
      unsure.map((ranking) => ({
        ranking,
        sources: ranking.candidates.filter((di) => !ranking.toRank.includes(di)),
      })),
    );
  }
  return rankings.map((ranking, qi) => {
    const best = results[qi] ?? ranking.best(ranking.candidates) ?? [];
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

/** The trigram index and key map of a knowledge base, kept while the caller keeps its array. */
const prepared = new WeakMap<KnowledgeDoc[], Prepared>();

/**
 * A proposal per question, in order, from `docs` only; never text that is not a source's own. The stored
 * vectors are brought in line with `docs` first (see syncKnowledgeIndex).
 */
export async function proposeAnswers(
  ctx: ServiceContext,
  questions: string[],
  docs: KnowledgeDoc[],
): Promise<Proposal[]> {
  if (docs.length === 0) return questions.map(() => ({ score: 0, tier: null, answer: null, sources: [] }));
  await syncKnowledgeIndex(ctx, docs);
  let kb = prepared.get(docs);
  if (!kb) {
    kb = {
      docs,
      indexOf: new Map(docs.map((d, i) => [sourceKey(d), i])),
      titles: new TrigramIndex(docs.map((d) => d.title)),
    };
    prepared.set(docs, kb);
  }
  const proposals: Proposal[] = [];
  for (let i = 0; i < questions.length; i += BATCH) {
    proposals.push(...(await proposeBatch(ctx, questions.slice(i, i + BATCH), kb)));
  }
  return proposals;
}
