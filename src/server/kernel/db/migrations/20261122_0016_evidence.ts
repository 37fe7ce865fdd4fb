import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('file', 'link', 'check-result')),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      url text,
      file_sha256 text,
      file_name text,
      file_size bigint,
      file_content_type text,
      check_id uuid,
      check_outcome text CHECK (check_outcome IN ('pass', 'fail')),
      valid_from timestamptz NOT NULL,
      expires_at timestamptz,
      reviewer_id uuid REFERENCES users(id),
      reviewed_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (expires_at IS NULL OR expires_at > valid_from),
      CHECK ((kind = 'file') = (file_sha256 IS NOT NULL)),
      CHECK ((kind = 'link') = (url IS NOT NULL)),
      CHECK ((kind = 'check-result') = (check_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX evidence_org_created_idx ON evidence (organization_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX evidence_expiry_idx ON evidence (organization_id, expires_at)`.execute(db);
  await sql`CREATE INDEX evidence_check_idx ON evidence (check_id, valid_from DESC)`.execute(db);
}
