import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ServiceContext } from '../../kernel/context.js';
import type { KnowledgeDoc } from './knowledge-base.repository.js';

/** The index row's key of a source: stable while the source exists. */
export const sourceKey = (doc: Pick<KnowledgeDoc, 'type' | 'id'>): string => `${doc.type}:${doc.id}`;

const digestOf = (doc: KnowledgeDoc): string =>
  createHash('sha1').update(`${doc.config}\0${doc.title}\0${doc.answer}`).digest('base64');

/** Rewritten sources after which the table's statistics are refreshed. */
const ANALYZE_AFTER = 100;
/** Sources rewritten per statement. */
const WRITE_BATCH = 500;

/**
 * Brings the organisation's stored vectors in line with `docs`: sources whose language, title or text changed
 * (or that are new) get their vector recomputed — title weight A, text weight D, in the source's language —
 * and sources no longer in `docs` are removed. When nothing changed this is one read of the digests.
 */
export async function syncKnowledgeIndex(ctx: ServiceContext, docs: KnowledgeDoc[]): Promise<void> {
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
        ${part.map((x) => x.doc.config)}::text[], ${part.map((x) => x.doc.title)}::text[],
        ${part.map((x) => x.doc.answer)}::text[]) AS u(k, d, c, t, b)
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
}

export interface ConceptQuery {
  qi: number;
  ci: number;
  config: string;
  /** The tsquery, as text. */
  query: string;
}

/** Concept terms → their query per language; the synonym list makes the same concepts recur in most questions. */
const queryCache = new Map<string, { config: string; query: string }[]>();
const QUERY_CACHE_LIMIT = 20_000;

/**
 * The text-search query of each concept of each question in each language: each term of a concept becomes a
 * phrase query of its stemmed words (phraseto_tsquery, so "data centre" needs both words in a row), and the
 * terms are OR-ed. Concepts with no words left in a language (only stopwords) have no query there. Queries
 * depend on the terms alone, so they are computed once per process.
 */
export async function conceptQueries(
  ctx: ServiceContext,
  concepts: { qi: number; ci: number; terms: string[] }[],
): Promise<ConceptQuery[]> {
  const keyOf = (terms: string[]) => JSON.stringify(terms);
  const missing = [...new Map(concepts.map((c) => [keyOf(c.terms), c.terms])).entries()].filter(
    ([key]) => !queryCache.has(key),
  );
  if (missing.length > 0) {
    if (queryCache.size + missing.length > QUERY_CACHE_LIMIT) queryCache.clear();
    const result = await sql<{ i: number; config: string; query: string | null }>`
      SELECT (x.i - 1)::int AS i, l.cfg AS config,
        (SELECT string_agg('(' || p::text || ')', ' | ')
           FROM (SELECT phraseto_tsquery(l.cfg::regconfig, t) AS p FROM jsonb_array_elements_text(x.terms) t) s
           WHERE numnode(p) > 0)::tsquery::text AS query
      FROM jsonb_array_elements(${JSON.stringify(missing.map(([, terms]) => terms))}::jsonb) WITH ORDINALITY
        AS x(terms, i)
      CROSS JOIN (VALUES ('english'), ('swedish'), ('norwegian')) l(cfg)`.execute(ctx.db);
    const found = missing.map(() => [] as { config: string; query: string }[]);
    for (const r of result.rows)
      if (r.query !== null) found[Number(r.i)]?.push({ config: r.config, query: r.query });
    missing.forEach(([key], i) => {
      queryCache.set(key, found[i] ?? []);
    });
  }
  return concepts.flatMap((c) =>
    (queryCache.get(keyOf(c.terms)) ?? []).map((q) => ({ qi: c.qi, ci: c.ci, ...q })),
  );
}

/**
 * The sources of the query's language each query matches (`q` is the index in `queries`), found through the
 * GIN index one query at a time (OFFSET 0 keeps the planner from joining every query with every source).
 */
export async function matchingSources(
  ctx: ServiceContext,
  queries: ConceptQuery[],
): Promise<{ q: number; key: string }[]> {
  if (queries.length === 0) return [];
  const result = await sql<{ q: number; key: string }>`
    SELECT c.q, k.source_key AS key
    FROM unnest(${queries.map((x) => x.config)}::text[], ${queries.map((x) => x.query)}::tsquery[])
      WITH ORDINALITY AS c(config, query, q)
    CROSS JOIN LATERAL (
      SELECT source_key FROM questionnaire_knowledge_index
      WHERE organization_id = ${ctx.organizationId} AND config = c.config AND vector @@ c.query
      OFFSET 0
    ) k`.execute(ctx.db);
  return result.rows.map((r) => ({ q: Number(r.q) - 1, key: r.key }));
}

/** ts_rank_cd(vector, query, 32) of each (query, source) pair, in order: title weight A, text weight D. */
export async function ranksOf(
  ctx: ServiceContext,
  pairs: { query: string; key: string }[],
): Promise<number[]> {
  if (pairs.length === 0) return [];
  const result = await sql<{ i: number; rank: number }>`
    SELECT p.i, ts_rank_cd(k.vector, p.query, 32) AS rank
    FROM unnest(${pairs.map((x) => x.query)}::tsquery[], ${pairs.map((x) => x.key)}::text[])
      WITH ORDINALITY AS p(query, key, i)
    JOIN questionnaire_knowledge_index k ON k.organization_id = ${ctx.organizationId} AND k.source_key = p.key`.execute(
    ctx.db,
  );
  const ranks = pairs.map(() => 0);
  for (const r of result.rows) ranks[Number(r.i) - 1] = Number(r.rank);
  return ranks;
}
