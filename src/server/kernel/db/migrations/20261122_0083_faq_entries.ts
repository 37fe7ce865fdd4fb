import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE faq_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      section_id uuid NOT NULL REFERENCES faq_sections(id) ON DELETE CASCADE,
      question text NOT NULL,
      answer text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      published boolean NOT NULL DEFAULT true,
      confirmed_reason text,
      confirmed_by uuid REFERENCES users(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (section_id, question)
    )`.execute(db);
  await sql`CREATE INDEX faq_entries_org_idx ON faq_entries (organization_id, section_id, position)`.execute(
    db,
  );
}
