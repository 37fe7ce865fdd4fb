import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per activity and occurrence: the unique key makes opening its task idempotent across instances.
  await sql`
    CREATE TABLE activity_occurrences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      activity_id uuid NOT NULL REFERENCES recurring_activities(id) ON DELETE CASCADE,
      occurs_at timestamptz NOT NULL,
      task_id uuid REFERENCES tasks(id),
      evidence_id uuid REFERENCES evidence(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (activity_id, occurs_at)
    )`.execute(db);
  await sql`CREATE INDEX activity_occurrences_task_idx ON activity_occurrences (organization_id, task_id)`.execute(
    db,
  );
}
