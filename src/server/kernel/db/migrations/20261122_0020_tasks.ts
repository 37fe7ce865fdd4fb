import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      assignee_id uuid REFERENCES users(id),
      due_at timestamptz,
      source_type text,
      source_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX tasks_org_status_idx ON tasks (organization_id, status, due_at)`.execute(db);
  // At most one open task per source (e.g. one per failing check), so re-runs do not pile up duplicates.
  await sql`
    CREATE UNIQUE INDEX tasks_open_source_key ON tasks (organization_id, source_type, source_id)
      WHERE status = 'open' AND source_id IS NOT NULL`.execute(db);
}
