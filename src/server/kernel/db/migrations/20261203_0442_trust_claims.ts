import { type Kysely, sql } from 'kysely';

// The organisation's public positions that Tillit checks against its records before publishing them: one row
// per kind, with the control whose health or evidence age proves it and the age past which evidence is stale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_claims (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('residency-nordics', 'residency-eea', 'no-third-country-transfers',
        'encryption-at-rest', 'restore-tested', 'vulnerability-scanning', 'sla-target')),
      control_id uuid REFERENCES controls(id) ON DELETE SET NULL,
      max_age_days int CHECK (max_age_days BETWEEN 1 AND 3660),
      target text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, kind)
    )`.execute(db);
}
