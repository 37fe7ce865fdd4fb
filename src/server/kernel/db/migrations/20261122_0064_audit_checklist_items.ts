import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The requirement's reference and title are copied, so the audit record survives a removed framework.
  await sql`
    CREATE TABLE audit_checklist_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      audit_id uuid NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      requirement_id uuid REFERENCES requirements(id) ON DELETE SET NULL,
      framework_name text NOT NULL,
      requirement_ref text NOT NULL,
      requirement_title text NOT NULL,
      position integer NOT NULL,
      result text NOT NULL DEFAULT 'not-checked'
        CHECK (result IN ('not-checked', 'conform', 'nonconform', 'observation')),
      notes text NOT NULL DEFAULT '',
      checked_by uuid REFERENCES users(id),
      checked_at timestamptz,
      UNIQUE (audit_id, position)
    )`.execute(db);
}
