import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A person without a row gets the daily digest.
  await sql`
    CREATE TABLE notification_settings (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      email text NOT NULL DEFAULT 'digest' CHECK (email IN ('immediate', 'digest', 'off')),
      last_digest_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
