import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE corrective_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      nonconformity_id uuid NOT NULL REFERENCES nonconformities(id) ON DELETE CASCADE,
      description text NOT NULL,
      owner_id uuid NOT NULL REFERENCES users(id),
      due_date text NOT NULL CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX corrective_actions_nc_idx ON corrective_actions (nonconformity_id)`.execute(db);
  await sql`CREATE INDEX corrective_actions_open_idx ON corrective_actions (organization_id, due_date)
    WHERE done_at IS NULL`.execute(db);
}
