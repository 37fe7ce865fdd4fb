import { type Kysely, sql } from 'kysely';

/** Every download of a trust-center document: by whom (the grant; none for public documents), when, from where. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_document_downloads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      document_id uuid NOT NULL REFERENCES trust_documents(id),
      grant_id uuid REFERENCES trust_access_grants(id),
      downloaded_at timestamptz NOT NULL DEFAULT now(),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX trust_document_downloads_org_idx
    ON trust_document_downloads (organization_id, downloaded_at)`.execute(db);
  await sql`CREATE INDEX trust_document_downloads_doc_idx
    ON trust_document_downloads (organization_id, document_id)`.execute(db);
}
