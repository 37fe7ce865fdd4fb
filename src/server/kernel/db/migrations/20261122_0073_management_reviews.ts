import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE management_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      title text NOT NULL,
      period_from text NOT NULL CHECK (period_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      period_to text NOT NULL CHECK (period_to ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      meeting_date text NOT NULL CHECK (meeting_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      attendee_ids jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'assembled', 'closed')),
      report jsonb,
      assembled_at timestamptz,
      closed_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_to > period_from)
    )`.execute(db);
  await sql`CREATE INDEX management_reviews_org_idx ON management_reviews (organization_id, period_to)`.execute(
    db,
  );
}
