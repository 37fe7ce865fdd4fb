import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE risks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      ref text NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      threat text NOT NULL DEFAULT '',
      vulnerability text NOT NULL DEFAULT '',
      owner_id uuid REFERENCES users(id),
      inherent_likelihood int NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
      inherent_impact int NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
      residual_likelihood int NOT NULL CHECK (residual_likelihood BETWEEN 1 AND inherent_likelihood),
      residual_impact int NOT NULL CHECK (residual_impact BETWEEN 1 AND inherent_impact),
      treatment text CHECK (treatment IN ('mitigate', 'accept', 'transfer', 'avoid')),
      acceptance_approver_id uuid REFERENCES users(id),
      acceptance_expires_on date,
      transfer_to text,
      status text NOT NULL CHECK (status IN ('open', 'treating', 'accepted', 'closed')),
      review_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, ref),
      CHECK ((treatment = 'accept') = (acceptance_approver_id IS NOT NULL AND acceptance_expires_on IS NOT NULL)),
      CHECK ((treatment = 'transfer') = (transfer_to IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX risks_org_review_idx ON risks (organization_id, review_date)`.execute(db);
}
