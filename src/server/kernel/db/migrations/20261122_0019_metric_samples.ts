import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE metric_samples (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      metric text NOT NULL,
      subject text NOT NULL DEFAULT '',
      value double precision NOT NULL,
      observed_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE INDEX metric_samples_metric_time_idx
      ON metric_samples (organization_id, metric, observed_at DESC)`.execute(db);
}
