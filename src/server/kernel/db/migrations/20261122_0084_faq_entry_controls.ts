import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE faq_entry_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      entry_id uuid NOT NULL REFERENCES faq_entries(id) ON DELETE CASCADE,
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      PRIMARY KEY (entry_id, control_id)
    )`.execute(db);
}
