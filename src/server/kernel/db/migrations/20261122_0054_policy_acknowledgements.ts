import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_acknowledgements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      version_id uuid NOT NULL REFERENCES policy_versions(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (version_id, user_id)
    )`.execute(db);
}
