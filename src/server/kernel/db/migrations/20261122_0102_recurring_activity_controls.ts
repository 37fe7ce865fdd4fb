import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recurring_activity_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      activity_id uuid NOT NULL REFERENCES recurring_activities(id) ON DELETE CASCADE,
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      PRIMARY KEY (activity_id, control_id)
    )`.execute(db);
}
