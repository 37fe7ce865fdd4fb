import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE objectives (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      owner_id uuid NOT NULL REFERENCES users(id),
      area text NOT NULL CHECK (area IN ('information-security', 'quality', 'environment',
        'work-environment', 'fire-safety')),
      due_date text NOT NULL CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX objectives_org_idx ON objectives (organization_id, due_date)`.execute(db);
}
