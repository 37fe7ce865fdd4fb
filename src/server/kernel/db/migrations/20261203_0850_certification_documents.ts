import { type Kysely, sql } from 'kysely';

// A certification claim rests on the certificate itself: the trust document (usually the PDF the certification body
// issued) attached to the certification record. Removing the document detaches it, and the claim then fails.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE trust_certifications
      ADD COLUMN certificate_document_id uuid REFERENCES trust_documents(id) ON DELETE SET NULL`.execute(db);
}
