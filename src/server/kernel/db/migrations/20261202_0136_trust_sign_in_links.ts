import { type Kysely, sql } from 'kysely';

/** One-time sign-in links to a grant, valid 24 hours; only the token's hash is kept. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_sign_in_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      grant_id uuid NOT NULL REFERENCES trust_access_grants(id),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
