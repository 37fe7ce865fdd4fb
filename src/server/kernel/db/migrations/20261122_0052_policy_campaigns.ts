import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_campaigns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      document_id uuid NOT NULL REFERENCES policy_documents(id) ON DELETE CASCADE,
      version_id uuid NOT NULL REFERENCES policy_versions(id) ON DELETE CASCADE,
      audience jsonb NOT NULL,
      due_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX policy_campaigns_document_idx ON policy_campaigns (document_id, created_at)`.execute(
    db,
  );
}
