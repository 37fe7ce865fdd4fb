import { type Kysely, sql } from 'kysely';

// The imported Hugo page around the FAQ, per language: front matter and the text before and after the FAQ
// block, so the export can replace the original page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE faq_hugo_pages (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      language text NOT NULL,
      front_matter text NOT NULL,
      preamble text NOT NULL DEFAULT '',
      epilogue text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, language)
    )`.execute(db);
}
