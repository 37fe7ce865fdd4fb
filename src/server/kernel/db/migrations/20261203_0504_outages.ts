import { type Kysely, sql } from 'kysely';

// Outage windows per service and location (no location = every location), standalone or part of an incident,
// entered by hand or ingested from monitoring (source + source_key make an import idempotent).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      incident_id uuid REFERENCES incidents(id),
      title text NOT NULL,
      service_ids uuid[] NOT NULL CHECK (cardinality(service_ids) > 0),
      location_ids uuid[] NOT NULL DEFAULT '{}',
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      impact text NOT NULL CHECK (impact IN ('full', 'partial')),
      planned boolean NOT NULL DEFAULT false,
      announced_at timestamptz,
      customer_caused boolean NOT NULL DEFAULT false,
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'upptime', 'prometheus', 'gatus', 'uptime-kuma')),
      source_key text,
      import_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ended_at IS NULL OR ended_at > started_at),
      CHECK (announced_at IS NULL OR announced_at <= started_at)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX outages_source_key ON outages (organization_id, source, source_key)
    WHERE source_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX outages_org_started_idx ON outages (organization_id, started_at DESC, id)`.execute(
    db,
  );
}
