import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE questionnaire_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      questionnaire_id uuid NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
      row_number integer NOT NULL CHECK (row_number >= 1),
      question text NOT NULL,
      status text NOT NULL DEFAULT 'unanswered'
        CHECK (status IN ('unanswered', 'proposed', 'edited', 'approved', 'not-applicable')),
      answer text,
      proposed_answer text,
      confidence text CHECK (confidence IN ('high', 'medium', 'low')),
      score real,
      sources jsonb NOT NULL DEFAULT '[]'::jsonb,
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (questionnaire_id, row_number)
    )`.execute(db);
  await sql`
    CREATE INDEX questionnaire_items_org_idx
    ON questionnaire_items (organization_id, questionnaire_id, status)`.execute(db);
}
