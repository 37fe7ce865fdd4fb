import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_findings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      audit_id uuid NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      checklist_item_id uuid REFERENCES audit_checklist_items(id) ON DELETE SET NULL,
      type text NOT NULL CHECK (type IN ('major-nc', 'minor-nc', 'observation', 'opportunity-for-improvement')),
      description text NOT NULL,
      raised_by uuid REFERENCES users(id),
      raised_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX audit_findings_audit_idx ON audit_findings (audit_id, raised_at)`.execute(db);
}
