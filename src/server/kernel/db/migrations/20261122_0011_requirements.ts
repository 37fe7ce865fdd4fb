import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE requirements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      framework_id uuid NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES requirements(id) ON DELETE CASCADE,
      key text NOT NULL,
      ref text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('group', 'requirement')),
      title text NOT NULL,
      statement text NOT NULL DEFAULT '',
      guidance text NOT NULL DEFAULT '',
      params jsonb NOT NULL DEFAULT '[]',
      labels jsonb NOT NULL DEFAULT '{}',
      position integer NOT NULL,
      depth integer NOT NULL DEFAULT 0,
      UNIQUE (framework_id, key)
    )`.execute(db);
  await sql`CREATE INDEX requirements_framework_position_idx ON requirements (framework_id, position)`.execute(
    db,
  );
  await sql`CREATE INDEX requirements_framework_ref_idx ON requirements (framework_id, ref)`.execute(db);
  await sql`CREATE INDEX requirements_parent_idx ON requirements (parent_id)`.execute(db);
}
