import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_checkpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      tree_size bigint NOT NULL,
      root_hash bytea NOT NULL,
      key_name text NOT NULL,
      key_id text NOT NULL,
      public_key text NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX audit_checkpoints_org_idx ON audit_checkpoints (organization_id, tree_size)`.execute(
    db,
  );
}
