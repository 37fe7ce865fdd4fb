import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kpi_measurements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kpi_id uuid NOT NULL REFERENCES objective_kpis(id) ON DELETE CASCADE,
      value double precision NOT NULL,
      measured_at timestamptz NOT NULL,
      note text NOT NULL DEFAULT '',
      recorded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX kpi_measurements_kpi_idx ON kpi_measurements (kpi_id, measured_at DESC)`.execute(db);
}
