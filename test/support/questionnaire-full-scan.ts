// The questionnaire retrieval as it was before the knowledge index (issue 13): every source's tsvector rebuilt
// for every batch and matched against every concept, every source scored. Kept as the reference the indexed
// retrieval must agree with, proposal for proposal.
import { sql } from 'kysely';
import { loadSynonymList, synonymIndex } from '../../src/formats/questionnaire-synonyms.js';
import { setSimilarity, trigrams } from '../../src/formats/text-trigrams.js';
import type { ServiceContext } from '../../src/server/kernel/context.js';
import type { KnowledgeDoc, Proposal } from '../../src/server/modules/questionnaires/index.js';
import {
  combinedScore,
  confidenceTier,
  coverage,
  isQuestionWord,
} from '../../src/server/modules/questionnaires/retrieval-score.js';

const BATCH = 50;

async function conceptMatches(
  ctx: ServiceContext,
  concepts: { qi: number; ci: number; terms: string[] }[],
  docs: KnowledgeDoc[],
) {
  const docJson = JSON.stringify(docs.map((d, i) => ({ i, cfg: d.config, title: d.title, body: d.answer })));
  const result = await sql<{ qi: number; ci: number; di: number; rank: number }>`
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

/** The proposals of the full scan: the chosen source ids and scores of each question, best first. */
export async function fullScanProposals(
  ctx: ServiceContext,
  questions: string[],
  docs: KnowledgeDoc[],
): Promise<Pick<Proposal, 'score' | 'tier' | 'answer' | 'sources'>[]> {
  const index = synonymIndex(loadSynonymList());
  const docTrigrams = docs.map((d) => trigrams(d.title));
  const out: Pick<Proposal, 'score' | 'tier' | 'answer' | 'sources'>[] = [];
  for (let b = 0; b < questions.length; b += BATCH) {
    const batch = questions.slice(b, b + BATCH);
    const perQuestion = batch.map((q) => {
      const concepts = index.concepts(q, isQuestionWord);
      return { concepts, ranks: concepts.map(() => new Map<number, number>()) };
    });
    const flat = perQuestion.flatMap((m, qi) => m.concepts.map((c, ci) => ({ qi, ci, terms: c.terms })));
    for (const r of await conceptMatches(ctx, flat, docs)) {
      const ranks = perQuestion[r.qi]?.ranks[r.ci];
      if (ranks) ranks.set(r.di, Math.max(ranks.get(r.di) ?? 0, r.rank));
    }
    batch.forEach((question, qi) => {
      const m = perQuestion[qi];
      if (!m) return;
      const idf = m.ranks.map((perDoc) => Math.log(1 + docs.length / (1 + perDoc.size)));
      const own = trigrams(question);
      const best = docs
        .map((doc, di) => ({
          doc,
          score: combinedScore({
            coverage: coverage(
              m.ranks.map((perDoc, ci) => ({ idf: idf[ci] ?? 0, rank: perDoc.get(di) ?? 0 })),
            ),
            similarity: setSimilarity(own, docTrigrams[di] ?? new Set()),
            weight: doc.weight,
          }),
        }))
        .filter((c) => c.score > 0)
        .sort((x, y) => y.score - x.score || x.doc.id.localeCompare(y.doc.id))
        .slice(0, 3);
      const top = best[0];
      const score = top?.score ?? 0;
      const tier = confidenceTier(score);
      out.push({
        score,
        tier,
        answer: tier && top ? top.doc.answer : null,
        sources: best.map((c) => ({
          type: c.doc.type,
          id: c.doc.id,
          title: c.doc.title,
          ref: c.doc.ref,
          score: c.score,
          excerpt: c.doc.answer.length > 300 ? `${c.doc.answer.slice(0, 299)}…` : c.doc.answer,
        })),
      });
    });
  }
  return out;
}
