import { createHash } from 'node:crypto';
import type { AnswerSource, ConfidenceTier } from '../../../contracts/questionnaires.js';
import { loadSynonymList, type SynonymIndex, synonymIndex } from '../../../formats/questionnaire-synonyms.js';
import type { ServiceContext } from '../../kernel/context.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import {
  digestOf,
  loadVectors,
  sourceKey,
  stemTerms,
  syncKnowledgeIndex,
} from './knowledge-index.repository.js';
import { LexicalIndex } from './lexical-index.js';
import { confidenceTier, proposes } from './retrieval-score.js';
import { explain, type QuestionConcept, questionConcepts, rankSources } from './source-ranking.js';

export interface Proposal {
  score: number;
  tier: ConfidenceTier | null;
  /** The best source's text when a proposal is made; null means: leave it to a person. */
  answer: string | null;
  /** Best first, at most three, each with why it matched. */
  sources: AnswerSource[];
}

export interface ProposeOptions {
  /** Propose from internal sources too (policy excerpts classified internal); off unless the user opts in. */
  includeInternal?: boolean;
}

const EXCERPT_LENGTH = 300;

let synonyms: SynonymIndex | undefined;
const shippedSynonyms = (): SynonymIndex => {
  synonyms ??= synonymIndex(loadSynonymList());
  return synonyms;
};

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/** A knowledge base's word index, kept while its sources stay the same. */
export interface Prepared {
  docs: KnowledgeDoc[];
  index: LexicalIndex;
}

/** Organisation → its last prepared knowledge base and the digest of its sources. */
const preparedByOrganization = new Map<string, { signature: string; prepared: Prepared }>();
const PREPARED_LIMIT = 16;

/**
 * The word index of `docs`: taken from memory when the organisation's sources are the same as last time (same
 * keys, languages, titles and texts, in the same order), else the stored vectors are brought in line with
 * `docs` (see syncKnowledgeIndex) and read once.
 */
async function prepare(ctx: ServiceContext, docs: KnowledgeDoc[]): Promise<Prepared> {
  const hash = createHash('sha1');
  for (const d of docs) hash.update(`${sourceKey(d)}\0${digestOf(d)}\n`);
  const signature = hash.digest('base64');
  const known = preparedByOrganization.get(ctx.organizationId);
  if (known?.signature === signature) return { ...known.prepared, docs };
  await syncKnowledgeIndex(ctx, docs);
  const vectors = await loadVectors(ctx);
  const prepared = { docs, index: new LexicalIndex(docs.map((d) => vectors.get(sourceKey(d)))) };
  if (preparedByOrganization.size >= PREPARED_LIMIT) preparedByOrganization.clear();
  preparedByOrganization.set(ctx.organizationId, { signature, prepared });
  return prepared;
}

/**
 * A proposal per question, in order, from `docs` only; never text that is not a source's own. Internal
 * sources take part only with `includeInternal`. The same sources and questions give the same proposals.
 */
export async function proposeAnswers(
  ctx: ServiceContext,
  questions: string[],
  docs: KnowledgeDoc[],
  options: ProposeOptions = {},
): Promise<Proposal[]> {
  const empty = { score: 0, tier: null, answer: null, sources: [] };
  if (docs.length === 0) return questions.map(() => empty);
  const kb = await prepare(ctx, docs);
  const perQuestion: QuestionConcept[][] = questions.map((q) => questionConcepts(shippedSynonyms(), q));
  const stem = await stemTerms(
    ctx,
    perQuestion.flatMap((cs) => cs.flatMap((c) => c.terms)),
  );
  const allowed = (doc: KnowledgeDoc) => options.includeInternal === true || doc.audience !== 'internal';
  return perQuestion.map((concepts) => {
    const ranked = rankSources(kb, concepts, stem, allowed);
    const [best, runnerUp] = ranked;
    if (!best) return empty;
    const proposed = proposes(best.score, runnerUp?.score ?? 0);
    const tier = proposed ? confidenceTier(best.score) : null;
    return {
      score: best.score,
      tier,
      answer: tier ? best.doc.answer : null,
      sources: ranked.map((r, i) => ({
        type: r.doc.type,
        id: r.doc.id,
        title: r.doc.title,
        ref: r.doc.ref,
        score: r.score,
        excerpt: excerpt(r.doc.answer),
        audience: r.doc.audience,
        explanation: explain(r, concepts, i === 0 ? { tier, runnerUp: runnerUp?.score ?? 0 } : undefined),
      })),
    };
  });
}
