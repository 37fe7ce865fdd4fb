import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE management_review_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      review_id uuid NOT NULL REFERENCES management_reviews(id) ON DELETE CASCADE,
      text text NOT NULL,
      owner_id uuid REFERENCES users(id),
      due_date text CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX management_review_actions_review_idx ON management_review_actions (review_id)`.execute(
    db,
  );
}
