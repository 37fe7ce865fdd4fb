import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE control_requirements (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      requirement_id uuid NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (control_id, requirement_id)
    )`.execute(db);
  await sql`CREATE INDEX control_requirements_requirement_idx ON control_requirements (requirement_id)`.execute(
    db,
  );
}
