import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE controls (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      ref text NOT NULL,
      title text NOT NULL,
      implementation text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'implemented')),
      owner_id uuid REFERENCES users(id),
      service_id uuid REFERENCES services(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, ref)
    )`.execute(db);
  await sql`CREATE INDEX controls_service_idx ON controls (organization_id, service_id)`.execute(db);
  await sql`CREATE INDEX controls_owner_idx ON controls (owner_id)`.execute(db);
}
