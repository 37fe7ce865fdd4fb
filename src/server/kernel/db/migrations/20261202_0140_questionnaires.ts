import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE questionnaires (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      file_name text NOT NULL,
      file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_size integer NOT NULL CHECK (file_size > 0),
      format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
      status text NOT NULL DEFAULT 'mapping' CHECK (status IN ('mapping', 'answering')),
      sheet text,
      question_column text,
      answer_column text,
      first_row integer,
      skipped_rows jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX questionnaires_org_idx ON questionnaires (organization_id, created_at DESC)`.execute(
    db,
  );
}
