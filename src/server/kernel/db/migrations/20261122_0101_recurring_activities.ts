import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recurring_activities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('access-review', 'restore-test', 'dr-test', 'redundancy-test',
        'fire-safety-round', 'policy-review', 'internal-audit', 'supplier-review', 'other')),
      schedule_type text NOT NULL CHECK (schedule_type IN ('rrule', 'cron')),
      schedule text NOT NULL,
      starts_at timestamptz NOT NULL,
      assignee_id uuid NOT NULL REFERENCES users(id),
      evidence_required boolean NOT NULL DEFAULT false,
      lead_days integer NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365),
      escalation_days integer CHECK (escalation_days BETWEEN 1 AND 365),
      escalation_user_id uuid REFERENCES users(id),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((escalation_days IS NULL) = (escalation_user_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX recurring_activities_org_idx ON recurring_activities (organization_id, title)`.execute(
    db,
  );
}
