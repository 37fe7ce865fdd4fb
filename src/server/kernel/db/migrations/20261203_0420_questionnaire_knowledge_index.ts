import { type Kysely, sql } from 'kysely';

/**
 * The questionnaire knowledge base's text-search vectors, stored once instead of rebuilt for every batch of
 * questions, with a GIN index so each concept of a question finds its matching sources without a scan. One row
 * per source (`faq:<id>`, `control:<id>`, `policy:<version id>#<n>`); `digest` is a hash of the source's language,
 * title and text, so a changed, added or removed source is noticed and its row rewritten before proposals are
 * made. Derived data: not backed up, rebuilt on demand.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE questionnaire_knowledge_index (
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      source_key text NOT NULL,
      digest text NOT NULL,
      config text NOT NULL CHECK (config IN ('english', 'swedish', 'norwegian')),
      vector tsvector NOT NULL,
      PRIMARY KEY (organization_id, source_key)
    )`.execute(db);
  // fastupdate off: without it new entries wait in a pending list that every search scans, and nothing flushes
  // it on PGlite (no autovacuum).
  await sql`CREATE INDEX questionnaire_knowledge_index_vector_idx ON questionnaire_knowledge_index
    USING gin (vector) WITH (fastupdate = off)`.execute(db);
}
