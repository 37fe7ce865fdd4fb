import { type Kysely, sql } from 'kysely';

/** Time-limited access to the documents of an approved request; revocation ends it at once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_access_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      request_id uuid NOT NULL UNIQUE REFERENCES trust_document_requests(id),
      email text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX trust_access_grants_email_idx
    ON trust_access_grants (organization_id, email)`.execute(db);
}
