import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ServiceContext } from '../../kernel/context.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';
import { parseVector, type StemmedTerm, searchText } from './lexical-index.js';

/** The index row's key of a source: stable while the source exists. */
export const sourceKey = (doc: Pick<KnowledgeDoc, 'type' | 'id'>): string => `${doc.type}:${doc.id}`;

/** Bump when the way vectors are computed changes, so stored ones are recomputed. */
const INDEX_VERSION = 2;

export const digestOf = (doc: KnowledgeDoc): string =>
  createHash('sha1').update(`${INDEX_VERSION}\0${doc.config}\0${doc.title}\0${doc.answer}`).digest('base64');

/** Rewritten sources after which the table's statistics are refreshed. */
const ANALYZE_AFTER = 100;
/** Sources rewritten per statement. */
const WRITE_BATCH = 500;

/**
 * Brings the organisation's stored vectors in line with `docs`: sources whose language, title or text changed
 * (or that are new) get their vector recomputed — title weight A, text weight D, in the source's language —
 * and sources no longer in `docs` are removed. When nothing changed this is one read of the digests.
 * Answers whether anything changed.
 */
export async function syncKnowledgeIndex(ctx: ServiceContext, docs: KnowledgeDoc[]): Promise<boolean> {
  const stored = await ctx.db
    .selectFrom('questionnaire_knowledge_index')
    .select(['source_key', 'digest'])
    .where('organization_id', '=', ctx.organizationId)
    .execute();
  const storedDigests = new Map(stored.map((r) => [r.source_key, r.digest]));
  const changed = docs
    .map((doc) => ({ doc, key: sourceKey(doc), digest: digestOf(doc) }))
    .filter((x) => storedDigests.get(x.key) !== x.digest)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < changed.length; i += WRITE_BATCH) {
    const part = changed.slice(i, i + WRITE_BATCH);
    await sql`
      INSERT INTO questionnaire_knowledge_index (organization_id, source_key, digest, config, vector)
      SELECT ${ctx.organizationId}, k, d, c,
        setweight(to_tsvector(c::regconfig, t), 'A') || setweight(to_tsvector(c::regconfig, b), 'D')
      FROM unnest(${part.map((x) => x.key)}::text[], ${part.map((x) => x.digest)}::text[],
        ${part.map((x) => x.doc.config)}::text[], ${part.map((x) => searchText(x.doc.title))}::text[],
        ${part.map((x) => searchText(x.doc.answer))}::text[]) AS u(k, d, c, t, b)
      ON CONFLICT (organization_id, source_key)
      DO UPDATE SET digest = EXCLUDED.digest, config = EXCLUDED.config, vector = EXCLUDED.vector`.execute(
      ctx.db,
    );
  }
  // PGlite has no autovacuum: fresh statistics let the planner pick the GIN index once many rows changed.
  if (changed.length > ANALYZE_AFTER) await sql`ANALYZE questionnaire_knowledge_index`.execute(ctx.db);
  const current = new Set(docs.map(sourceKey));
  const gone = stored.map((r) => r.source_key).filter((key) => !current.has(key));
  if (gone.length > 0)
    await ctx.db
      .deleteFrom('questionnaire_knowledge_index')
      .where('organization_id', '=', ctx.organizationId)
      .where('source_key', 'in', gone)
      .execute();
  return changed.length > 0 || gone.length > 0;
}

/** The stored vector of each source, by source key, in PostgreSQL's text form. */
export async function loadVectors(
  ctx: ServiceContext,
): Promise<Map<string, { config: string; vector: string }>> {
  const rows = await sql<{ key: string; config: string; vector: string }>`
    SELECT source_key AS key, config, vector::text AS vector FROM questionnaire_knowledge_index
    WHERE organization_id = ${ctx.organizationId}`.execute(ctx.db);
  return new Map(rows.rows.map((r) => [r.key, { config: r.config, vector: r.vector }]));
}

export const SEARCH_CONFIGS = ['english', 'swedish', 'norwegian'] as const;

/** `${config}\0${term}` → the term stemmed in that language; terms recur across questions and organisations. */
const stemCache = new Map<string, StemmedTerm>();
const STEM_CACHE_LIMIT = 50_000;
const stemKey = (config: string, term: string) => `${config}\0${term}`;

/**
 * Each term stemmed in each of the three languages as the index stems sources (to_tsvector over searchText);
 * a term that is only stopwords in a language has no words there. Computed once per process.
 */
export async function stemTerms(
  ctx: ServiceContext,
  terms: readonly string[],
): Promise<(config: string, term: string) => StemmedTerm> {
  const missing = [...new Set(terms)].filter((t) =>
    SEARCH_CONFIGS.some((c) => !stemCache.has(stemKey(c, t))),
  );
  if (missing.length > 0) {
    if (stemCache.size + missing.length * SEARCH_CONFIGS.length > STEM_CACHE_LIMIT) stemCache.clear();
    const result = await sql<{ i: number; config: string; vector: string }>`
      SELECT (x.i - 1)::int AS i, l.cfg AS config, to_tsvector(l.cfg::regconfig, x.t)::text AS vector
      FROM unnest(${missing.map(searchText)}::text[]) WITH ORDINALITY AS x(t, i)
      CROSS JOIN (VALUES ('english'), ('swedish'), ('norwegian')) l(cfg)`.execute(ctx.db);
    for (const r of result.rows) {
      const term = missing[Number(r.i)];
      if (term === undefined) continue;
      const words = [...parseVector(r.vector).positions.entries()].flatMap(([lexeme, ps]) =>
        ps.map((p) => ({ lexeme, p })),
      );
      words.sort((a, b) => a.p - b.p);
      const start = words[0]?.p ?? 0;
      stemCache.set(stemKey(r.config, term), {
        lexemes: words.map((w) => w.lexeme),
        offsets: words.map((w) => w.p - start),
      });
    }
  }
  return (config, term) => stemCache.get(stemKey(config, term)) ?? { lexemes: [], offsets: [] };
}
