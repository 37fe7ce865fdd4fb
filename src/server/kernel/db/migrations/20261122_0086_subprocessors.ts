import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE subprocessors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      purpose text NOT NULL,
      country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
      transfer_mechanism text NOT NULL
        CHECK (transfer_mechanism IN ('none-eea', 'adequacy', 'scc', 'bcr', 'other')),
      status text NOT NULL CHECK (status IN ('active', 'planned', 'removed')),
      effective_on text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`.execute(db);
}
