import { type Kysely, sql } from 'kysely';

/** Requests from an e-mail domain that are approved without staff, per access level. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_auto_approval_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      domain text NOT NULL,
      approves_on_request boolean NOT NULL,
      approves_nda boolean NOT NULL,
      expires_in_days integer NOT NULL DEFAULT 30,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, domain)
    )`.execute(db);
}
