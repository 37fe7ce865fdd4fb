import { type Kysely, sql } from 'kysely';

// Where each service runs, and whether it stores customer data there: the records the public data-centre
// section, the service chapters and the residency claims are generated from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service_locations (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      location_id uuid NOT NULL REFERENCES locations(id),
      stores_data boolean NOT NULL DEFAULT true,
      PRIMARY KEY (service_id, location_id)
    )`.execute(db);
  await sql`CREATE INDEX service_locations_location_idx ON service_locations (location_id)`.execute(db);
}
