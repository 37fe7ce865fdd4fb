import { type Kysely, sql } from 'kysely';

// The incident's timeline: who wrote what, about which moment; a public update carries the public status it
// announced. Append-only: the service never updates or deletes an entry, and the trigger refuses it from
// anywhere else too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_timeline (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      incident_id uuid NOT NULL REFERENCES incidents(id),
      kind text NOT NULL CHECK (kind IN ('note', 'action', 'status', 'triage', 'report', 'public-update')),
      happened_at timestamptz NOT NULL,
      author_id uuid REFERENCES users(id),
      text text NOT NULL,
      public_status text CHECK (public_status IN ('investigating', 'identified', 'monitoring', 'resolved')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, happened_at, created_at)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION incident_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'incident timeline entries are append-only';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER incident_timeline_append_only BEFORE UPDATE OR DELETE ON incident_timeline
    FOR EACH ROW EXECUTE FUNCTION incident_timeline_append_only()`.execute(db);
}
