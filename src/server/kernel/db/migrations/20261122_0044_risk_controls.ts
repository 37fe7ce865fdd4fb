import { type Kysely, sql } from 'kysely';

/** The controls that mitigate a risk. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE risk_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      risk_id uuid NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      PRIMARY KEY (risk_id, control_id)
    )`.execute(db);
  await sql`CREATE INDEX risk_controls_control_idx ON risk_controls (control_id)`.execute(db);
}
