import { type Kysely, sql } from 'kysely';

// What affected customers were told about an incident, when, by whom and to which addresses: one row per notice
// and language, written with the mail it queues. Append-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      incident_id uuid NOT NULL REFERENCES incidents(id),
      audience text NOT NULL CHECK (audience IN ('subscribers', 'service-contacts')),
      language text NOT NULL CHECK (language IN ('en', 'sv', 'nb')),
      subject text NOT NULL,
      body text NOT NULL,
      recipients text[] NOT NULL CHECK (cardinality(recipients) > 0),
      sent_by uuid REFERENCES users(id),
      sent_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX incident_notices_list ON incident_notices (organization_id, incident_id, sent_at DESC)`.execute(
    db,
  );
}
