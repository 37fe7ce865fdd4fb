import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      body text NOT NULL,
      change_summary text NOT NULL DEFAULT '',
      status text NOT NULL
        CHECK (status IN ('draft', 'in-review', 'approved', 'published', 'superseded')),
      author_id uuid REFERENCES users(id),
      submitted_at timestamptz,
      approver_id uuid REFERENCES users(id),
      approved_at timestamptz,
      published_by uuid REFERENCES users(id),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, number)
    )`.execute(db);
  // One version in the works and one published version per document, whatever the application does.
  await sql`
    CREATE UNIQUE INDEX policy_versions_one_open_idx ON policy_versions (document_id)
    WHERE status IN ('draft', 'in-review', 'approved')`.execute(db);
  await sql`
    CREATE UNIQUE INDEX policy_versions_one_published_idx ON policy_versions (document_id)
    WHERE status = 'published'`.execute(db);
}
