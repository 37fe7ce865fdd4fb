import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_certifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      framework_id uuid REFERENCES frameworks(id) ON DELETE SET NULL,
      status text NOT NULL CHECK (status IN ('certified', 'in-progress', 'planned')),
      target_quarter text,
      issuer text NOT NULL DEFAULT '',
      issued_on text,
      expires_on text,
      position integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`.execute(db);
}
