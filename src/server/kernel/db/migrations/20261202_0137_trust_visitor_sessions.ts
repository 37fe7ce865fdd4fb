import { type Kysely, sql } from 'kysely';

/** Short sessions of visitors who opened a sign-in link; only the cookie value's hash is kept. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_visitor_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      grant_id uuid NOT NULL REFERENCES trust_access_grants(id),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX trust_visitor_sessions_grant_idx ON trust_visitor_sessions (grant_id)`.execute(db);
}
