import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE frameworks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      key text NOT NULL,
      name text NOT NULL,
      version text NOT NULL DEFAULT '',
      publisher text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      attribution text NOT NULL DEFAULT '',
      source text NOT NULL CHECK (source IN ('builtin', 'oscal', 'custom')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, key)
    )`.execute(db);
}
