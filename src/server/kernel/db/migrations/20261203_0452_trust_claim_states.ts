import { type Kysely, sql } from 'kysely';

// Whether each claim held when last evaluated by the changelog job, so a claim that starts or stops holding
// becomes one changelog entry (claims themselves are evaluated live on every view).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_claim_states (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      claim_key text NOT NULL CHECK (claim_key ~ '^[a-z0-9:-]{3,80}$'),
      holds boolean NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, claim_key)
    )`.execute(db);
}
