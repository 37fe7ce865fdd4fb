import { type Kysely, sql } from 'kysely';

// Where the organisation is established and registered (which authorities get its reports), the time zone its
// calendar-month deadlines are counted in, and its SLA: default monthly target, per-service targets and the
// service-credit table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_settings (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      main_establishment text NOT NULL CHECK (main_establishment ~ '^[A-Z]{2}$'),
      registered_in text[] NOT NULL DEFAULT '{}',
      time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
      sla_target numeric(6,3) NOT NULL DEFAULT 99.9 CHECK (sla_target > 0 AND sla_target <= 100),
      service_targets jsonb NOT NULL DEFAULT '{}',
      credit_table jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
