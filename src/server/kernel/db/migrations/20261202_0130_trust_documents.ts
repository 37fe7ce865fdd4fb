import { type Kysely, sql } from 'kysely';

/** Documents of the trust center: an uploaded PDF (content-addressed) or the generated cloud-controls list. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      kind text NOT NULL,
      access_level text NOT NULL CHECK (access_level IN ('public', 'on-request', 'nda')),
      version_label text NOT NULL DEFAULT '',
      published boolean NOT NULL DEFAULT false,
      source text NOT NULL CHECK (source IN ('upload', 'generated-controls')),
      file_sha256 text,
      file_size integer,
      file_name text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((source = 'upload') = (file_sha256 IS NOT NULL)),
      UNIQUE (organization_id, title)
    )`.execute(db);
}
