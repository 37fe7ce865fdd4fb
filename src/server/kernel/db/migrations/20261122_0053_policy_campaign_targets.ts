import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_campaign_targets (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      campaign_id uuid NOT NULL REFERENCES policy_campaigns(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      PRIMARY KEY (campaign_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX policy_campaign_targets_user_idx ON policy_campaign_targets (user_id)`.execute(db);
}
