import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE nonconformity_verifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      nonconformity_id uuid NOT NULL REFERENCES nonconformities(id) ON DELETE CASCADE,
      result text NOT NULL CHECK (result IN ('effective', 'not-effective')),
      notes text NOT NULL DEFAULT '',
      verified_by uuid NOT NULL REFERENCES users(id),
      verified_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX nonconformity_verifications_nc_idx
    ON nonconformity_verifications (nonconformity_id, verified_at)`.execute(db);
}
