import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE objective_kpis (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      objective_id uuid NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
      name text NOT NULL,
      unit text NOT NULL DEFAULT '',
      direction text NOT NULL CHECK (direction IN ('higher-is-better', 'lower-is-better')),
      target double precision NOT NULL,
      threshold double precision,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX objective_kpis_objective_idx ON objective_kpis (objective_id)`.execute(db);
}
