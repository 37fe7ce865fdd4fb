import { type Kysely, sql } from 'kysely';

// Each monitoring import's original data, byte for byte with its SHA-256: the evidence behind ingested outages.
// The same file imported twice is one import.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE monitoring_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      source text NOT NULL CHECK (source IN ('upptime', 'prometheus', 'gatus', 'uptime-kuma')),
      sha256 text NOT NULL,
      original text NOT NULL,
      outages_added int NOT NULL DEFAULT 0,
      imported_by uuid REFERENCES users(id),
      imported_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, source, sha256)
    )`.execute(db);
}
