import { type Kysely, sql } from 'kysely';

/**
 * A visitor's request for documents: verified by an e-mailed link (only its hash is kept), the NDA acceptance
 * when one is needed (version, typed name, time, IP, user agent), and the decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_document_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      email text NOT NULL,
      company text NOT NULL,
      reason text NOT NULL,
      status text NOT NULL CHECK (status IN ('unverified', 'nda-pending', 'pending', 'approved', 'rejected')),
      verify_token_hash text NOT NULL UNIQUE,
      verify_expires_at timestamptz NOT NULL,
      verified_at timestamptz,
      nda_version_id uuid REFERENCES trust_nda_versions(id),
      nda_signed_name text,
      nda_accepted_at timestamptz,
      nda_ip text,
      nda_user_agent text,
      decided_at timestamptz,
      decided_by uuid REFERENCES users(id),
      auto_rule_domain text,
      rejection_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX trust_document_requests_org_idx
    ON trust_document_requests (organization_id, status, created_at)`.execute(db);
}
