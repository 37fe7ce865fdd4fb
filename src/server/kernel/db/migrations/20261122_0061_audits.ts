import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Planned dates are calendar days (YYYY-MM-DD text), so they read the same in every time zone.
  await sql`
    CREATE TABLE audits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      programme_id uuid REFERENCES audit_programmes(id) ON DELETE SET NULL,
      title text NOT NULL,
      type text NOT NULL CHECK (type IN ('internal', 'stage-1', 'stage-2', 'surveillance', 'recertification')),
      planned_start text NOT NULL CHECK (planned_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      planned_end text NOT NULL CHECK (planned_end ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      lead_auditor_id uuid REFERENCES users(id),
      external_auditor text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'completed')),
      conclusion text NOT NULL DEFAULT '',
      started_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (planned_end >= planned_start)
    )`.execute(db);
  await sql`CREATE INDEX audits_org_start_idx ON audits (organization_id, planned_start)`.execute(db);
  await sql`CREATE INDEX audits_programme_idx ON audits (programme_id)`.execute(db);
}
