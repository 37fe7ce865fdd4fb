import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE applicability (
      requirement_id uuid PRIMARY KEY REFERENCES requirements(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      applicable boolean NOT NULL,
      justification text NOT NULL,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
