import { type Kysely, sql } from 'kysely';

// The people at customers to tell when a service is affected by an incident, per service, with the language
// their mail is written in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      name text NOT NULL DEFAULT '',
      language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sv', 'nb')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX customer_contacts_unique ON customer_contacts (organization_id, service_id, lower(email))`.execute(
    db,
  );
  await sql`CREATE INDEX customer_contacts_list ON customer_contacts (organization_id, service_id, email)`.execute(
    db,
  );
}
