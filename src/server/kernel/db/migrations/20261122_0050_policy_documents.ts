import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('policy', 'procedure', 'plan', 'guideline', 'other')),
      owner_id uuid NOT NULL REFERENCES users(id),
      classification text NOT NULL
        CHECK (classification IN ('internal', 'customer-on-request', 'public')),
      review_interval_months integer NOT NULL CHECK (review_interval_months BETWEEN 1 AND 60),
      next_review_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX policy_documents_org_idx ON policy_documents (organization_id, title)`.execute(db);
}
