import { type Kysely, sql } from 'kysely';

// Reports due to authorities and data subjects, derived from the triage. A submitted version is frozen
// (the trigger refuses changes to it); a correction is the next version of the same report.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      incident_id uuid NOT NULL REFERENCES incidents(id),
      type text NOT NULL CHECK (type IN ('nis2-early-warning', 'nis2-notification', 'nis2-final',
        'no-nsm-notice', 'gdpr-authority', 'gdpr-data-subjects')),
      version int NOT NULL DEFAULT 1 CHECK (version >= 1),
      authority text NOT NULL,
      due_at timestamptz,
      content jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
      submitted_at timestamptz,
      submitted_by uuid REFERENCES users(id),
      submission_reference text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (incident_id, type, version),
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX incident_reports_org_due_idx ON incident_reports (organization_id, status, due_at)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION incident_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'submitted' THEN
        RAISE EXCEPTION 'a submitted incident report is immutable; correct it with a new version';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER incident_reports_frozen BEFORE UPDATE OR DELETE ON incident_reports
    FOR EACH ROW EXECUTE FUNCTION incident_reports_frozen()`.execute(db);
}
