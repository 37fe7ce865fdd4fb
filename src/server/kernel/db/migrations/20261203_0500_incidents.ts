import { type Kysely, sql } from 'kysely';

// The incident register. aware_at starts the reporting clocks and is always given by the reporter; the public
// columns hold what the provider chose to publish on its status page, kept apart from the internal text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      ref text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      category text NOT NULL
        CHECK (category IN ('availability', 'confidentiality', 'integrity', 'physical', 'personal-data')),
      severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      status text NOT NULL DEFAULT 'reported'
        CHECK (status IN ('reported', 'triaged', 'contained', 'recovered', 'closed')),
      aware_at timestamptz NOT NULL,
      occurred_at timestamptz,
      reported_by uuid REFERENCES users(id),
      service_ids uuid[] NOT NULL DEFAULT '{}',
      location_ids uuid[] NOT NULL DEFAULT '{}',
      customers_affected int CHECK (customers_affected >= 0),
      all_customers_affected boolean NOT NULL DEFAULT false,
      triage jsonb,
      significant boolean,
      triaged_at timestamptz,
      lessons_learned text NOT NULL DEFAULT '',
      risk_ids uuid[] NOT NULL DEFAULT '{}',
      control_ids uuid[] NOT NULL DEFAULT '{}',
      nonconformity_id uuid,
      published boolean NOT NULL DEFAULT false,
      public_title text NOT NULL DEFAULT '',
      public_summary text NOT NULL DEFAULT '',
      public_status text NOT NULL DEFAULT 'investigating'
        CHECK (public_status IN ('investigating', 'identified', 'monitoring', 'resolved')),
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, ref),
      CHECK (occurred_at IS NULL OR occurred_at <= aware_at)
    )`.execute(db);
  await sql`CREATE INDEX incidents_org_aware_idx ON incidents (organization_id, aware_at DESC, ref)`.execute(
    db,
  );
}
