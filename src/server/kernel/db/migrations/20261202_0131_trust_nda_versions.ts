import { type Kysely, sql } from 'kysely';

/** The NDA a visitor accepts before NDA-required documents; each edit is a new, numbered version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_nda_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      version integer NOT NULL,
      text text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, version)
    )`.execute(db);
}
