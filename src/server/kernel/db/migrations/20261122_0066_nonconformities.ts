import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE nonconformities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      ref text NOT NULL,
      source text NOT NULL CHECK (source IN ('audit', 'incident', 'failing-check', 'complaint', 'other')),
      source_ref text NOT NULL DEFAULT '',
      finding_id uuid UNIQUE REFERENCES audit_findings(id) ON DELETE SET NULL,
      severity text NOT NULL CHECK (severity IN ('major', 'minor')),
      description text NOT NULL,
      owner_id uuid REFERENCES users(id),
      status text NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'correction', 'corrective-action', 'verification', 'closed')),
      raised_on text NOT NULL CHECK (raised_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      root_cause text NOT NULL DEFAULT '',
      correction text NOT NULL DEFAULT '',
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, ref)
    )`.execute(db);
  await sql`CREATE INDEX nonconformities_org_status_idx ON nonconformities (organization_id, status)`.execute(
    db,
  );
}
