import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_document_request_items (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      request_id uuid NOT NULL REFERENCES trust_document_requests(id),
      document_id uuid NOT NULL REFERENCES trust_documents(id),
      PRIMARY KEY (request_id, document_id)
    )`.execute(db);
  await sql`CREATE INDEX trust_document_request_items_doc_idx
    ON trust_document_request_items (organization_id, document_id)`.execute(db);
}
