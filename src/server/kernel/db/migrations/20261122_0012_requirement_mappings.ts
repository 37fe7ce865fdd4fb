import { type Kysely, sql } from 'kysely';

// Mappings name requirements by (framework key, ref) rather than by row id, so a mapping to a framework that
// is not installed yet resolves as soon as it is imported, and re-importing a framework keeps its mappings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE requirement_mappings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      source_framework text NOT NULL,
      source_ref text NOT NULL,
      target_framework text NOT NULL,
      target_ref text NOT NULL,
      relationship text NOT NULL
        CHECK (relationship IN ('equivalent', 'subset-of', 'superset-of', 'intersects', 'related')),
      note text NOT NULL DEFAULT '',
      origin text NOT NULL CHECK (origin IN ('builtin', 'import', 'manual')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, source_framework, source_ref, target_framework, target_ref)
    )`.execute(db);
  await sql`
    CREATE INDEX requirement_mappings_target_idx
      ON requirement_mappings (organization_id, target_framework, target_ref)`.execute(db);
}
