import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evidence_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      evidence_id uuid NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      PRIMARY KEY (evidence_id, control_id)
    )`.execute(db);
  await sql`CREATE INDEX evidence_controls_control_idx ON evidence_controls (control_id, evidence_id)`.execute(
    db,
  );
}
