import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE checks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('metric-threshold', 'freshness', 'ci-push')),
      config jsonb NOT NULL,
      schedule text,
      evidence_validity_days integer NOT NULL CHECK (evidence_validity_days BETWEEN 1 AND 3660),
      owner_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown', 'passing', 'failing')),
      last_run_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`.execute(db);
  await sql`
    CREATE TABLE check_controls (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      check_id uuid NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
      control_id uuid NOT NULL REFERENCES controls(id) ON DELETE CASCADE,
      PRIMARY KEY (check_id, control_id)
    )`.execute(db);
  await sql`CREATE INDEX check_controls_control_idx ON check_controls (control_id)`.execute(db);
}
