import { type Kysely, sql } from 'kysely';

// The claims an FAQ answer rests on, by claim key (a kind such as 'restore-tested', or 'certification:<id>'):
// an answer whose claim does not hold is held back, as one whose control fails.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE faq_entry_claims (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      entry_id uuid NOT NULL REFERENCES faq_entries(id) ON DELETE CASCADE,
      claim_key text NOT NULL CHECK (claim_key ~ '^[a-z0-9:-]{3,80}$'),
      PRIMARY KEY (entry_id, claim_key)
    )`.execute(db);
}
